package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Handler dispatch, end to end: from {@link ActorRef#send} to the
 * {@link Handles @Handles} method.
 */
@Timeout(10)
class DispatchTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private final ActorSystem system = ActorSystem.create();

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	DispatchTests() {
		this.system.addDeadLetterListener(this.deadLetters::add);
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	// By message class

	@Test
	void messageGoesToTheHandlerOfItsClass() {
		ActorRef ref = this.system.spawn("shapes", new Shapes());
		ref.send(new Circle(1));
		ref.send(new Square(2));
		ref.send(new Circle(3));
		assertThat(log(ref)).containsExactly("circle 1", "square 2", "circle 3");
	}

	@Test
	void mostSpecificHandlerWins() {
		ActorRef ref = this.system.spawn("numbers", new Numbers());
		ref.send(1);
		ref.send(2L);
		ref.send(3.0);
		ref.send("four");
		ref.send(List.of(5));
		assertThat(log(ref)).containsExactly("integer 1", "number 2", "number 3.0", "object four", "object [5]");
	}

	@Test
	void objectHandlerIsTheFallbackForOtherMessages() {
		ActorRef ref = this.system.spawn("fallback", new Fallback());
		ref.send(new Circle(1));
		ref.send("text");
		ref.send(42);
		assertThat(log(ref)).containsExactly("circle 1", "other String", "other Integer");
		assertThat(this.deadLetters).isEmpty();
	}

	@Test
	void interfaceHandlerTakesImplementations() {
		ActorRef ref = this.system.spawn("shapes", new ShapeInterfaceHandler());
		ref.send(new Circle(1));
		ref.send(new Square(2));
		assertThat(log(ref)).containsExactly("shape Circle[radius=1]", "square 2");
	}

	// Inheritance

	@Test
	void handlersAreInheritedAndOverridden() {
		ActorRef ref = this.system.spawn("child", new Child());
		ref.send(new Circle(1));
		ref.send(new Square(2));
		ref.send("text");
		ref.send(7);
		ref.send(8L);
		assertThat(log(ref)).containsExactly(
				// inherited as is
				"parent circle 1",
				// overridden, the override annotated
				"child square 2",
				// overridden, only the parent's declaration annotated: virtual dispatch
				"child string text",
				// the subclass handles the same class with a method of its own
				"child integer 7",
				// a private handler of the parent
				"parent private long 8");
	}

	// Handler parameters

	@Test
	void handlerParametersInEveryShape() {
		ActorRef probe = this.system.spawn("probe", new Echo());
		ParameterShapes behavior = new ParameterShapes();
		ActorRef ref = this.system.spawn("shapes", behavior);
		ref.send(new MessageOnly(), probe);
		ref.send(new WithSender(), probe);
		ref.send(new WithContext(), probe);
		ref.send(new SenderThenContext(), probe);
		ref.send(new ContextThenSender(), probe);
		ref.send(new NoParameter(), probe);
		ref.send(new NamedClass(), probe);
		ref.send(new WithSender());
		ref.send(new SenderThenContext());
		assertThat(log(ref)).containsExactly("message only", "sender probe", "context shapes/probe",
				"sender probe, context shapes/probe", "context shapes/probe, sender probe", "no parameter",
				"named class NamedClass", "sender null", "sender null, context shapes/null");
	}

	// Replies

	@Test
	void returnValueIsTheReplyToBridgeCall() {
		ActorRef ref = this.system.spawn("calculator", new Calculator());
		Bridge bridge = this.system.bridge();
		assertThat(bridge.<Integer>call(ref, new Add(2, 3), ONE_SECOND)).isEqualTo(5);
		assertThat(bridge.<Integer>call(ref, new Multiply(4, 5), ONE_SECOND)).isEqualTo(20);
		assertThat(bridge.<String>call(ref, "name", ONE_SECOND)).isEqualTo("calculator");
	}

	@Test
	void returnValueIsTheReplyToSenderActor() throws InterruptedException {
		ActorRef calculator = this.system.spawn("calculator", new Calculator());
		Asker asker = new Asker();
		ActorRef askerRef = this.system.spawn("asker", asker);
		askerRef.send(new Ask(calculator, new Add(20, 22)));
		Reply reply = asker.replies.poll(1, TimeUnit.SECONDS);
		assertThat(reply).isEqualTo(new Reply(42, "calculator"));
	}

	@Test
	void voidOrNullReturnSendsNoReply() throws InterruptedException {
		Asker asker = new Asker();
		ActorRef askerRef = this.system.spawn("asker", asker);
		ActorRef silent = this.system.spawn("silent", new Silent());
		askerRef.send(new Ask(silent, "void"));
		askerRef.send(new Ask(silent, 1));
		askerRef.send(new Ask(silent, new Last()));
		assertThat(asker.replies.poll(1, TimeUnit.SECONDS)).isEqualTo(new Reply("last", "silent"));
		assertThat(asker.replies).isEmpty();
		assertThat(this.deadLetters).isEmpty();
	}

	// ActorContext

	@Test
	void contextSelfSenderAndSystem() {
		ActorRef ref = this.system.spawn("introspector", new Introspector());
		ContextView view = this.system.bridge().call(ref, "look", ONE_SECOND);
		assertThat(view.self()).isSameAs(ref);
		assertThat(view.sender()).isNotNull();
		assertThat(view.sender()).isNotSameAs(ref);
		assertThat(view.system()).isSameAs(this.system);
	}

	@Test
	void contextReplyGoesToTheSender() throws InterruptedException {
		ActorRef replier = this.system.spawn("replier", new Replier());
		assertThat(this.system.bridge().<String>call(replier, "hello", ONE_SECOND)).isEqualTo("re: hello");
		Asker asker = new Asker();
		ActorRef askerRef = this.system.spawn("asker", asker);
		askerRef.send(new Ask(replier, "hi"));
		assertThat(asker.replies.poll(1, TimeUnit.SECONDS)).isEqualTo(new Reply("re: hi", "replier"));
	}

	@Test
	void contextStopMakesLaterMessagesDeadLetters() throws InterruptedException {
		Gate gate = new Gate();
		SelfStopper stopper = new SelfStopper(gate);
		ActorRef ref = this.system.spawn("stopper", stopper);
		ref.send("first");
		ActorSystemTests.awaitLatch(gate.entered);
		ref.send("stop");
		ref.send("after-1");
		ref.send("after-2");
		gate.release.countDown();
		await(() -> this.system.lookup("stopper").isEmpty());
		ref.send("after-3");
		List<DeadLetter> letters = poll(this.deadLetters, 3);
		assertThat(letters).extracting(DeadLetter::message).containsExactly("after-1", "after-2", "after-3");
		assertThat(letters).allSatisfy((letter) -> {
			assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
			assertThat(letter.recipient()).isSameAs(ref);
		});
		assertThat(stopper.handled).containsExactly("first", "stop");
	}

	// Kinds of classes

	@Test
	void behaviorsOfEveryKindOfClassWithPrivateHandlers() {
		class LocalBehavior {

			private final List<String> log = new ArrayList<>();

			@Handles
			private void onString(String message) {
				this.log.add("local " + message);
			}

			@Handles
			private List<String> onGetLog(GetLog request) {
				return List.copyOf(this.log);
			}

		}
		Object anonymous = new Object() {

			private final List<String> log = new ArrayList<>();

			@Handles
			private void onString(String message) {
				this.log.add("anonymous " + message);
			}

			@Handles
			private List<String> onGetLog(GetLog request) {
				return List.copyOf(this.log);
			}

		};
		Object[] behaviors = { new PublicBehavior(), new PackagePrivateBehavior(), new PrivateBehavior(),
				new InnerBehavior(), new LocalBehavior(), anonymous };
		String[] expected = { "public", "package-private", "private", "inner", "local", "anonymous" };
		for (int i = 0; i < behaviors.length; i++) {
			ActorRef ref = this.system.spawn("behavior-" + i, behaviors[i]);
			ref.send("hello");
			assertThat(log(ref)).as(behaviors[i].getClass().getName()).containsExactly(expected[i] + " hello");
		}
		assertThat(this.deadLetters).isEmpty();
	}

	// Stop

	@Test
	void stopIsHandledInMailboxOrder() throws Exception {
		Gate gate = new Gate();
		Recorder recorder = new Recorder(gate);
		ActorRef ref = this.system.spawn("recorder", recorder);
		Asker asker = new Asker();
		ActorRef askerRef = this.system.spawn("asker", asker);
		ref.send("first");
		ActorSystemTests.awaitLatch(gate.entered);
		ref.send("before-1");
		ref.send("before-2");
		ref.send(new Stop(), askerRef);
		ref.send("after-1");
		ref.send("after-2", askerRef);
		gate.release.countDown();
		assertThat(asker.replies.poll(1, TimeUnit.SECONDS)).isEqualTo(new Reply(new Stopped("recorder"), "recorder"));
		assertThat(recorder.handled).containsExactly("first", "before-1", "before-2");
		List<DeadLetter> letters = poll(this.deadLetters, 2);
		assertThat(letters).extracting(DeadLetter::message).containsExactly("after-1", "after-2");
		assertThat(letters).extracting(DeadLetter::sender).containsExactly(null, askerRef);
		assertThat(letters).allSatisfy((letter) -> {
			assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
			assertThat(letter.recipient()).isSameAs(ref);
		});
		assertThat(this.system.lookup("recorder")).isEmpty();
		assertThat(asker.replies).isEmpty();
	}

	@Test
	void stopThroughBridgeRepliesStoppedAndFailsCallsBehindIt() throws Exception {
		Gate gate = new Gate();
		Recorder recorder = new Recorder(gate);
		ActorRef ref = this.system.spawn("recorder", recorder);
		Bridge bridge = this.system.bridge();
		ref.send("first");
		ActorSystemTests.awaitLatch(gate.entered);
		ref.send("before");
		CompletableFuture<Stopped> stopped = bridge.ask(ref, new Stop(), ONE_SECOND);
		CompletableFuture<Object> behind = bridge.ask(ref, "behind", ONE_SECOND);
		gate.release.countDown();
		assertThat(stopped.get(1, TimeUnit.SECONDS)).isEqualTo(new Stopped("recorder"));
		assertThat(behind).failsWithin(ONE_SECOND)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(ActorStoppedException.class);
		assertThat(recorder.handled).containsExactly("first", "before");
		assertThatExceptionOfType(ActorStoppedException.class).isThrownBy(() -> bridge.call(ref, "later", ONE_SECOND))
			.withMessageContaining("'recorder'");
	}

	// Helpers

	private List<String> log(ActorRef ref) {
		return this.system.bridge().call(ref, new GetLog(), ONE_SECOND);
	}

	static void await(BooleanSupplier condition) {
		ActorSystemTests.await(condition);
	}

	static <T> List<T> poll(BlockingQueue<T> queue, int count) throws InterruptedException {
		List<T> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			T item = queue.poll(2, TimeUnit.SECONDS);
			assertThat(item).as("item %d of %d", i + 1, count).isNotNull();
			items.add(item);
		}
		return items;
	}

	// Messages

	record GetLog() {
	}

	record Circle(int radius) implements Shape {
	}

	record Square(int side) implements Shape {
	}

	interface Shape {

	}

	record MessageOnly() {
	}

	record WithSender() {
	}

	record WithContext() {
	}

	record SenderThenContext() {
	}

	record ContextThenSender() {
	}

	record NoParameter() {
	}

	record NamedClass() {
	}

	record Last() {
	}

	record Add(int a, int b) {
	}

	record Multiply(int a, int b) {
	}

	record Ask(ActorRef target, Object question) {
	}

	record Reply(Object answer, @Nullable String from) {
	}

	record ContextView(ActorRef self, @Nullable ActorRef sender, ActorSystem system) {
	}

	static final class Gate {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		void pass() {
			this.entered.countDown();
			try {
				this.release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	// Behaviours

	/** Records what its handlers saw; the log is read with GetLog. */
	abstract static class Logging {

		final List<String> log = new ArrayList<>();

		@Handles
		List<String> onGetLog(GetLog request) {
			return List.copyOf(this.log);
		}

	}

	static final class Shapes extends Logging {

		@Handles
		void onCircle(Circle circle) {
			this.log.add("circle " + circle.radius());
		}

		@Handles
		void onSquare(Square square) {
			this.log.add("square " + square.side());
		}

	}

	static final class Numbers extends Logging {

		@Handles
		void onInteger(Integer value) {
			this.log.add("integer " + value);
		}

		@Handles
		void onNumber(Number value) {
			this.log.add("number " + value);
		}

		@Handles
		void onObject(Object value) {
			this.log.add("object " + value);
		}

	}

	static final class Fallback extends Logging {

		@Handles
		void onCircle(Circle circle) {
			this.log.add("circle " + circle.radius());
		}

		@Handles
		void onOther(Object message) {
			this.log.add("other " + message.getClass().getSimpleName());
		}

	}

	static final class ShapeInterfaceHandler extends Logging {

		@Handles
		void onShape(Shape shape) {
			this.log.add("shape " + shape);
		}

		@Handles
		void onSquare(Square square) {
			this.log.add("square " + square.side());
		}

	}

	static class Parent extends Logging {

		@Handles
		void onCircle(Circle circle) {
			this.log.add("parent circle " + circle.radius());
		}

		@Handles
		void onSquare(Square square) {
			this.log.add("parent square " + square.side());
		}

		@Handles
		void onString(String text) {
			this.log.add("parent string " + text);
		}

		@Handles
		void onInteger(Integer value) {
			this.log.add("parent integer " + value);
		}

		@Handles
		private void onLong(Long value) {
			this.log.add("parent private long " + value);
		}

	}

	static final class Child extends Parent {

		@Override
		@Handles
		void onSquare(Square square) {
			this.log.add("child square " + square.side());
		}

		@Override
		void onString(String text) {
			this.log.add("child string " + text);
		}

		@Handles
		void onChildInteger(Integer value) {
			this.log.add("child integer " + value);
		}

	}

	static final class ParameterShapes extends Logging {

		@Handles
		void onMessageOnly(MessageOnly message) {
			this.log.add("message only");
		}

		@Handles
		void onWithSender(WithSender message, @Nullable ActorRef sender) {
			this.log.add("sender " + name(sender));
		}

		@Handles
		void onWithContext(WithContext message, ActorContext context) {
			this.log.add("context " + describe(context));
		}

		@Handles
		void onSenderThenContext(SenderThenContext message, @Nullable ActorRef sender, ActorContext context) {
			this.log.add("sender " + name(sender) + ", context " + describe(context));
		}

		@Handles
		void onContextThenSender(ContextThenSender message, ActorContext context, @Nullable ActorRef sender) {
			this.log.add("context " + describe(context) + ", sender " + name(sender));
		}

		@Handles(NoParameter.class)
		void onNoParameter() {
			this.log.add("no parameter");
		}

		@Handles(NamedClass.class)
		void onNamedClass(Record message) {
			this.log.add("named class " + message.getClass().getSimpleName());
		}

		private static String describe(ActorContext context) {
			return context.self().name() + "/" + name(context.sender());
		}

		private static String name(@Nullable ActorRef ref) {
			return (ref != null) ? ref.name() : "null";
		}

	}

	static final class Echo {

		@Handles
		void onAnything(Object message) {
		}

	}

	static final class Calculator {

		@Handles
		int onAdd(Add add) {
			return add.a() + add.b();
		}

		@Handles
		Integer onMultiply(Multiply multiply) {
			return multiply.a() * multiply.b();
		}

		@Handles
		String onName(String request, ActorContext context) {
			return context.self().name();
		}

	}

	static final class Asker {

		final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

		@Handles
		void onAsk(Ask ask, ActorContext context) {
			ask.target().send(ask.question(), context.self());
		}

		@Handles
		void onReply(Object answer, @Nullable ActorRef sender) {
			this.replies.add(new Reply(answer, (sender != null) ? sender.name() : null));
		}

	}

	static final class Silent {

		@Handles
		void onVoid(String message) {
		}

		@Handles
		@Nullable String onNull(Integer message) {
			return null;
		}

		@Handles
		String onLast(Last message) {
			return "last";
		}

	}

	static final class Introspector {

		@Handles
		ContextView onLook(String request, ActorContext context) {
			return new ContextView(context.self(), context.sender(), context.system());
		}

	}

	static final class Replier {

		@Handles
		void onString(String message, ActorContext context) {
			context.reply("re: " + message);
		}

	}

	static final class SelfStopper {

		final List<String> handled = new CopyOnWriteArrayList<>();

		private final Gate gate;

		SelfStopper(Gate gate) {
			this.gate = gate;
		}

		@Handles
		void onString(String message, ActorContext context) {
			this.handled.add(message);
			if (message.equals("first")) {
				this.gate.pass();
			}
			if (message.equals("stop")) {
				context.stop();
			}
		}

	}

	static final class Recorder {

		final List<String> handled = new CopyOnWriteArrayList<>();

		private final Gate gate;

		Recorder(Gate gate) {
			this.gate = gate;
		}

		@Handles
		void onString(String message) {
			this.handled.add(message);
			if (message.equals("first")) {
				this.gate.pass();
			}
		}

	}

	public static final class PublicBehavior extends Logging {

		@Handles
		private void onString(String message) {
			this.log.add("public " + message);
		}

	}

	static final class PackagePrivateBehavior extends Logging {

		@Handles
		private void onString(String message) {
			this.log.add("package-private " + message);
		}

	}

	private static final class PrivateBehavior {

		private final List<String> log = new ArrayList<>();

		@Handles
		private void onString(String message) {
			this.log.add("private " + message);
		}

		@Handles
		private List<String> onGetLog(GetLog request) {
			return List.copyOf(this.log);
		}

	}

	final class InnerBehavior {

		private final List<String> log = new ArrayList<>();

		@Handles
		private void onString(String message) {
			this.log.add("inner " + message);
		}

		@Handles
		private List<String> onGetLog(GetLog request) {
			return List.copyOf(this.log);
		}

		@Override
		public String toString() {
			return "InnerBehavior of " + DispatchTests.this;
		}

	}

}
