package io.actorbeans.internal;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.InvalidBehaviorException;
import io.actorbeans.Stop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link HandlerTable} and {@link Handler}.
 */
class HandlerTableTests {

	private static final String PREFIX = HandlerTableTests.class.getName() + "$";

	private static final ActorRef SENDER = new TestRef("sender");

	private static final ActorContext CONTEXT = testContext();

	// Lookup

	@Test
	void handlerIsInvokedWithTheMessage() throws Throwable {
		Recorder behavior = new Recorder();
		Handler handler = find(Recorder.class, Order.class);
		assertThat(handler.messageType()).isEqualTo(Order.class);
		assertThat(handler.takesContext()).isFalse();
		Order order = new Order("o-1");
		assertThat(handler.invoke(behavior, order, SENDER, null)).isNull();
		assertThat(behavior.received).containsExactly(order);
	}

	@Test
	void mostSpecificHandlerWins() {
		HandlerTable table = HandlerTable.of(Zoo.class);
		assertThat(table.find(Dog.class).signature()).isEqualTo("onDog(Dog)");
		assertThat(table.find(Puppy.class).signature()).isEqualTo("onDog(Dog)");
		assertThat(table.find(Cat.class).signature()).isEqualTo("onAnimal(Animal)");
		assertThat(table.find(Animal.class).signature()).isEqualTo("onAnimal(Animal)");
	}

	@Test
	void superclassHandlerBeatsInterfaceHandler() {
		HandlerTable table = HandlerTable.of(Zoo.class);
		// Puppy is Pet (an interface with a handler) and a Dog (a class with one).
		assertThat(table.find(Puppy.class).signature()).isEqualTo("onDog(Dog)");
	}

	@Test
	void interfaceHandlerMatches() {
		HandlerTable table = HandlerTable.of(Zoo.class);
		assertThat(table.find(Goldfish.class).signature()).isEqualTo("onPet(Pet)");
		// Through a superclass's interface, and through a super-interface.
		assertThat(table.find(FancyGoldfish.class).signature()).isEqualTo("onPet(Pet)");
		assertThat(table.find(Hamster.class).signature()).isEqualTo("onPet(Pet)");
	}

	@Test
	void moreSpecificInterfaceWins() {
		HandlerTable table = HandlerTable.of(InterfaceZoo.class);
		// Hamster is a Rodent, which extends Pet: both have handlers.
		assertThat(table.find(Hamster.class).signature()).isEqualTo("onRodent(Rodent)");
	}

	@Test
	void ambiguousInterfacesFailAtDispatch() {
		HandlerTable table = HandlerTable.of(Ambiguous.class);
		for (int i = 0; i < 2; i++) { // the ambiguity is cached, and thrown each time
			assertThatIllegalStateException().isThrownBy(() -> table.find(Robodog.class))
				.withMessageContaining(PREFIX + "Ambiguous")
				.withMessageContaining("message class " + PREFIX + "Robodog")
				.withMessageContaining("'onPet(Pet)' for " + PREFIX + "Pet")
				.withMessageContaining("'onMachine(Machine)' for " + PREFIX + "Machine");
		}
	}

	@Test
	void classHandlerSettlesInterfaceAmbiguity() {
		HandlerTable table = HandlerTable.of(SettledAmbiguity.class);
		assertThat(table.find(Robodog.class).signature()).isEqualTo("onToy(Toy)");
	}

	@Test
	void objectHandlerIsTheFallback() {
		HandlerTable table = HandlerTable.of(WithFallback.class);
		assertThat(table.find(Order.class).signature()).isEqualTo("onOrder(Order)");
		assertThat(table.find(String.class).signature()).isEqualTo("onOther(Object)");
		assertThat(table.find(Goldfish.class).signature()).isEqualTo("onOther(Object)");
	}

	@Test
	void missReturnsNull() {
		HandlerTable table = HandlerTable.of(Recorder.class);
		assertThat(table.find(String.class)).isNull();
		assertThat(table.find(String.class)).isNull(); // cached miss
		assertThat(table.find(Object.class)).isNull();
	}

	@Test
	void sameHandlerForSameMessageClass() {
		HandlerTable table = HandlerTable.of(Zoo.class);
		assertThat(table.find(Puppy.class)).isSameAs(table.find(Puppy.class)).isSameAs(table.find(Dog.class));
	}

	@Test
	void sameTableForSameClass() {
		HandlerTable table = HandlerTable.of(Zoo.class);
		assertThat(HandlerTable.of(Zoo.class)).isSameAs(table);
		assertThat(table.behaviorClass()).isEqualTo(Zoo.class);
		assertThat(HandlerTable.of(Recorder.class)).isNotSameAs(table);
	}

	@Test
	void behaviorWithoutHandlersIsValid() {
		HandlerTable table = HandlerTable.of(NoHandlers.class);
		assertThat(table.find(Order.class)).isNull();
		assertThat(table.find(Object.class)).isNull();
	}

	@Test
	void objectClassHasEmptyTable() {
		HandlerTable table = HandlerTable.of(Object.class);
		assertThat(table.behaviorClass()).isEqualTo(Object.class);
		assertThat(table.find(Object.class)).isNull();
		assertThat(table.find(String.class)).isNull();
	}

	// Reachability

	@Test
	void privateHandlerOnAnonymousClassIsInvoked() throws Throwable {
		List<Object> received = new ArrayList<>();
		Object behavior = new Object() {

			@Handles
			private void onOrder(Order order) {
				received.add(order);
			}

		};
		Handler handler = find(behavior.getClass(), Order.class);
		Order order = new Order("o-1");
		handler.invoke(behavior, order, null, null);
		assertThat(received).containsExactly(order);
	}

	@Test
	void privateHandlerOnLocalClassIsInvoked() throws Throwable {
		class Local {

			@Handles
			private String onOrder(Order order) {
				return "local " + order.id();
			}

		}
		assertThat(find(Local.class, Order.class).invoke(new Local(), new Order("o-1"), null, null))
			.isEqualTo("local o-1");
	}

	@Test
	void handlerOnInnerClassIsInvoked() throws Throwable {
		Inner behavior = new Inner();
		assertThat(find(Inner.class, Order.class).invoke(behavior, new Order("o-1"), null, null))
			.isEqualTo("inner o-1 of " + getClass().getSimpleName());
	}

	@Test
	void unreachableHandlerIsRejected(@TempDir Path dir) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assumeThat(compiler).isNotNull();
		Path sources = Files.createDirectories(dir.resolve("src/hidden/behavior"));
		Files.writeString(dir.resolve("src/module-info.java"), "module hidden.behavior { }");
		Files.writeString(sources.resolve("Closed.java"), """
				package hidden.behavior;
				public class Closed {
					@io.actorbeans.Handles
					public void onText(String text) {
					}
				}
				""");
		Path classes = dir.resolve("classes");
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), "--add-reads", "hidden.behavior=ALL-UNNAMED",
				dir.resolve("src/module-info.java").toString(), sources.resolve("Closed.java").toString());
		assertThat(status).isZero();
		ModuleLayer boot = ModuleLayer.boot();
		Configuration configuration = boot.configuration()
			.resolve(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("hidden.behavior"));
		ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, getClass().getClassLoader());
		Class<?> closed = layer.findLoader("hidden.behavior").loadClass("hidden.behavior.Closed");
		assertThatExceptionOfType(InvalidBehaviorException.class).isThrownBy(() -> HandlerTable.of(closed))
			.withMessageStartingWith("Invalid @Handles method 'onText(String)' on hidden.behavior.Closed: ")
			.withMessageContaining("is not reachable: ")
			.withMessageContaining("does not open hidden.behavior");
	}

	// Inheritance

	@Test
	void inheritedHandlersAreFound() throws Throwable {
		Child behavior = new Child();
		HandlerTable table = HandlerTable.of(Child.class);
		assertThat(table.find(Order.class).invoke(behavior, new Order("o-1"), null, null)).isEqualTo("parent o-1");
		assertThat(table.find(Cancel.class).invoke(behavior, new Cancel(), null, null)).isEqualTo("child cancel");
	}

	@Test
	void subclassOverrideReplacesParentHandler() throws Throwable {
		// Both declarations are annotated: one handler, not two, and it runs the
		// override.
		HandlerTable table = HandlerTable.of(AnnotatedOverride.class);
		Handler handler = table.find(Order.class);
		assertThat(handler.toString()).isEqualTo(PREFIX + "AnnotatedOverride.onOrder(Order)");
		assertThat(handler.invoke(new AnnotatedOverride(), new Order("o-1"), null, null)).isEqualTo("override o-1");
	}

	@Test
	void overrideWithoutAnnotationIsStillInvoked() throws Throwable {
		HandlerTable table = HandlerTable.of(PlainOverride.class);
		Handler handler = table.find(Order.class);
		assertThat(handler.toString()).isEqualTo(PREFIX + "Parent.onOrder(Order)");
		assertThat(handler.invoke(new PlainOverride(), new Order("o-1"), null, null)).isEqualTo("plain o-1");
	}

	@Test
	void genericOverrideReplacesParentHandler() throws Throwable {
		HandlerTable table = HandlerTable.of(GenericChild.class);
		assertThat(table.find(Order.class).invoke(new GenericChild(), new Order("o-1"), null, null))
			.isEqualTo("generic o-1");
		assertThat(table.find(String.class)).isNull();
	}

	@Test
	void subclassHandlerForSameTypeReplacesParentHandler() throws Throwable {
		HandlerTable table = HandlerTable.of(OtherMethodChild.class);
		Handler handler = table.find(Order.class);
		assertThat(handler.signature()).isEqualTo("onAnyOrder(Order)");
		assertThat(handler.invoke(new OtherMethodChild(), new Order("o-1"), null, null)).isEqualTo("other o-1");
	}

	@Test
	void privateParentHandlerIsInherited() throws Throwable {
		HandlerTable table = HandlerTable.of(PrivateParentChild.class);
		assertThat(table.find(Order.class).invoke(new PrivateParentChild(), new Order("o-1"), null, null))
			.isEqualTo("private parent o-1");
	}

	// Invocation

	@Test
	void returnValueIsReturned() throws Throwable {
		assertThat(find(Replies.class, Order.class).invoke(new Replies(), new Order("o-1"), null, null))
			.isEqualTo("ok o-1");
	}

	@Test
	void primitiveReturnValueIsBoxed() throws Throwable {
		assertThat(find(Replies.class, String.class).invoke(new Replies(), "abc", null, null)).isEqualTo(3);
	}

	@Test
	void voidHandlerReturnsNull() throws Throwable {
		assertThat(find(Recorder.class, Order.class).invoke(new Recorder(), new Order("o-1"), null, null)).isNull();
	}

	@Test
	void senderAndContextAreInjectedInEitherOrder() throws Throwable {
		Injected behavior = new Injected();
		Handler senderFirst = find(Injected.class, Order.class);
		Handler contextFirst = find(Injected.class, Cancel.class);
		assertThat(senderFirst.takesContext()).isTrue();
		assertThat(contextFirst.takesContext()).isTrue();
		assertThat(senderFirst.invoke(behavior, new Order("o-1"), SENDER, CONTEXT))
			.isEqualTo(List.of("o-1", SENDER, CONTEXT));
		assertThat(contextFirst.invoke(behavior, new Cancel(), SENDER, CONTEXT)).isEqualTo(List.of(CONTEXT, SENDER));
	}

	@Test
	void senderOrContextAloneIsInjected() throws Throwable {
		Injected behavior = new Injected();
		Handler senderOnly = find(Injected.class, Integer.class);
		Handler contextOnly = find(Injected.class, Long.class);
		assertThat(senderOnly.takesContext()).isFalse();
		assertThat(contextOnly.takesContext()).isTrue();
		assertThat(senderOnly.invoke(behavior, 1, SENDER, null)).isSameAs(SENDER);
		assertThat(senderOnly.invoke(behavior, 1, null, null)).isNull();
		assertThat(contextOnly.invoke(behavior, 1L, SENDER, CONTEXT)).isSameAs(CONTEXT);
	}

	@Test
	void handlesValueNamesTheMessageClass() throws Throwable {
		NamedTypes behavior = new NamedTypes();
		Handler handler = find(NamedTypes.class, Order.class);
		assertThat(handler.messageType()).isEqualTo(Order.class);
		assertThat(handler.signature()).isEqualTo("onRecord(Record)");
		assertThat(handler.invoke(behavior, new Order("o-1"), null, null)).isEqualTo("record Order[id=o-1]");
	}

	@Test
	void handlesValueWithoutMessageParameter() throws Throwable {
		NamedTypes behavior = new NamedTypes();
		Handler bare = find(NamedTypes.class, Cancel.class);
		Handler withContext = find(NamedTypes.class, Goldfish.class);
		assertThat(bare.signature()).isEqualTo("onCancel()");
		assertThat(bare.invoke(behavior, new Cancel(), SENDER, CONTEXT)).isEqualTo("cancelled");
		assertThat(withContext.messageType()).isEqualTo(Goldfish.class);
		assertThat(withContext.takesContext()).isTrue();
		assertThat(withContext.invoke(behavior, new Goldfish(), SENDER, CONTEXT)).isSameAs(CONTEXT);
	}

	@Test
	void exceptionsPropagateUnchanged() {
		Throws behavior = new Throws();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> find(Throws.class, Order.class).invoke(behavior, new Order("o-1"), null, null))
			.withMessage("checked o-1");
		assertThatIllegalStateException()
			.isThrownBy(() -> find(Throws.class, Cancel.class).invoke(behavior, new Cancel(), null, null))
			.withMessage("unchecked");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> find(Throws.class, String.class).invoke(behavior, "x", null, null))
			.withMessage("error");
	}

	@Test
	void signatureUsesSimpleNamesAndToStringTheDeclaringClass() {
		Handler handler = find(Injected.class, Order.class);
		assertThat(handler.signature()).isEqualTo("onOrder(Order, ActorRef, ActorContext)");
		assertThat(handler).hasToString(PREFIX + "Injected.onOrder(Order, ActorRef, ActorContext)");
	}

	// Invalid handlers

	@Test
	void staticHandlerIsRejected() {
		assertInvalid(StaticHandler.class, "onOrder(Order)", "a handler must not be static");
	}

	@Test
	void handlerWithoutParametersIsRejected() {
		assertInvalid(NoParameters.class, "onNothing()",
				"a handler takes the message as its first parameter, or names its class with @Handles(value)");
	}

	@Test
	void primitiveMessageParameterIsRejected() {
		assertInvalid(PrimitiveMessage.class, "onCount(int)",
				"the message parameter cannot be of the primitive type int; use Integer");
	}

	@Test
	void primitiveHandlesValueIsRejected() {
		assertInvalid(PrimitiveValue.class, "onCount(Integer)",
				"@Handles(long.class) names a primitive type; use Long.class");
	}

	@Test
	void twoMessageParametersAreRejected() {
		assertInvalid(TwoMessages.class, "onOrder(Order, Cancel)", Handler.SHAPE_RULE);
	}

	@Test
	void otherExtraParameterIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class).isThrownBy(() -> HandlerTable.of(OrderActor.class))
			.withMessage("Invalid @Handles method 'onOrder(Order, String)' on " + PREFIX + "OrderActor: "
					+ "a handler takes one message, then an optional ActorRef sender and an optional ActorContext");
	}

	@Test
	void twoSendersAreRejected() {
		assertInvalid(TwoSenders.class, "onOrder(Order, ActorRef, ActorRef)",
				"a handler takes at most one ActorRef sender");
	}

	@Test
	void twoContextsAreRejected() {
		assertInvalid(TwoContexts.class, "onOrder(Order, ActorContext, ActorRef, ActorContext)",
				"a handler takes at most one ActorContext");
	}

	@Test
	void handlesValueNotAssignableToFirstParameterIsRejected() {
		assertInvalid(NotAssignable.class, "onOrder(Cancel)",
				"@Handles(Order.class) cannot be passed as its first parameter Cancel; " + Handler.SHAPE_RULE);
	}

	@Test
	void stopHandlerIsRejected() {
		assertInvalid(HandlesStop.class, "onStop(Stop)", "Stop is handled by the runtime");
	}

	@Test
	void stopHandlesValueIsRejected() {
		assertInvalid(HandlesStopByValue.class, "onStop(ActorContext)", "Stop is handled by the runtime");
	}

	@Test
	void twoHandlersForOneTypeInOneClassAreRejected() {
		assertInvalid(TwoHandlersForOrder.class, "onOrderAgain(Order)", "'onOrder(Order)' handles " + PREFIX
				+ "Order too; a class declares at most one handler per message class");
	}

	@Test
	void invalidInheritedHandlerNamesItsDeclaringClass() {
		assertThatExceptionOfType(InvalidBehaviorException.class).isThrownBy(() -> HandlerTable.of(ChildOfStatic.class))
			.withMessage("Invalid @Handles method 'onOrder(Order)' on " + PREFIX + "ChildOfStatic (declared in "
					+ PREFIX + "StaticHandler): a handler must not be static");
	}

	@Test
	void invalidClassFailsEveryTime() {
		for (int i = 0; i < 2; i++) {
			assertInvalid(StaticHandler.class, "onOrder(Order)", "a handler must not be static");
		}
	}

	private static Handler find(Class<?> behaviorClass, Class<?> messageClass) {
		Handler handler = HandlerTable.of(behaviorClass).find(messageClass);
		assertThat(handler).as("handler of %s for %s", behaviorClass, messageClass).isNotNull();
		return handler;
	}

	private static void assertInvalid(Class<?> behaviorClass, String signature, String rule) {
		assertThatExceptionOfType(InvalidBehaviorException.class).isThrownBy(() -> HandlerTable.of(behaviorClass))
			.withMessageStartingWith("Invalid @Handles method '" + signature + "' on " + behaviorClass.getName() + ": ")
			.withMessageContaining(rule);
	}

	class Inner {

		@Handles
		String onOrder(Order order) {
			return "inner " + order.id() + " of " + HandlerTableTests.this.getClass().getSimpleName();
		}

	}

	// Messages

	record Order(String id) {
	}

	record Cancel() {
	}

	static class Animal {

	}

	static class Dog extends Animal {

	}

	static class Puppy extends Dog implements Pet {

	}

	static class Cat extends Animal {

	}

	interface Pet {

	}

	interface Rodent extends Pet {

	}

	interface Machine extends Serializable {

	}

	static class Goldfish implements Pet {

	}

	static class FancyGoldfish extends Goldfish {

	}

	static class Hamster implements Rodent {

	}

	static class Toy {

	}

	static class Robodog extends Toy implements Pet, Machine {

	}

	// Behaviours

	static class Recorder {

		final List<Object> received = new ArrayList<>();

		@Handles
		void onOrder(Order order) {
			this.received.add(order);
		}

	}

	static class Zoo {

		@Handles
		void onAnimal(Animal animal) {
		}

		@Handles
		void onDog(Dog dog) {
		}

		@Handles
		void onPet(Pet pet) {
		}

	}

	static class InterfaceZoo {

		@Handles
		void onPet(Pet pet) {
		}

		@Handles
		void onRodent(Rodent rodent) {
		}

	}

	static class Ambiguous {

		@Handles
		void onPet(Pet pet) {
		}

		@Handles
		void onMachine(Machine machine) {
		}

		@Handles
		void onSerializable(Serializable serializable) {
		}

	}

	static class SettledAmbiguity extends Ambiguous {

		@Handles
		void onToy(Toy toy) {
		}

	}

	static class WithFallback {

		@Handles
		void onOrder(Order order) {
		}

		@Handles
		void onOther(Object message) {
		}

	}

	static class NoHandlers {

		void onOrder(Order order) {
		}

	}

	static class Parent {

		@Handles
		String onOrder(Order order) {
			return "parent " + order.id();
		}

	}

	static class Child extends Parent {

		@Handles
		String onCancel(Cancel cancel) {
			return "child cancel";
		}

	}

	static class AnnotatedOverride extends Parent {

		@Handles
		@Override
		String onOrder(Order order) {
			return "override " + order.id();
		}

	}

	static class PlainOverride extends Parent {

		@Override
		String onOrder(Order order) {
			return "plain " + order.id();
		}

	}

	abstract static class GenericParent<T> {

		@Handles
		abstract String onMessage(T message);

	}

	static class GenericChild extends GenericParent<Order> {

		@Handles
		@Override
		String onMessage(Order order) {
			return "generic " + order.id();
		}

	}

	static class OtherMethodChild extends Parent {

		@Handles
		String onAnyOrder(Order order) {
			return "other " + order.id();
		}

	}

	static class PrivateParent {

		@Handles
		private String onOrder(Order order) {
			return "private parent " + order.id();
		}

	}

	static class PrivateParentChild extends PrivateParent {

	}

	static class Replies {

		@Handles
		String onOrder(Order order) {
			return "ok " + order.id();
		}

		@Handles
		int onText(String text) {
			return text.length();
		}

	}

	static class Injected {

		@Handles
		List<Object> onOrder(Order order, ActorRef sender, ActorContext context) {
			return List.of(order.id(), sender, context);
		}

		@Handles
		List<Object> onCancel(Cancel cancel, ActorContext context, ActorRef sender) {
			return List.of(context, sender);
		}

		@Handles
		@Nullable ActorRef onNumber(Integer number, @Nullable ActorRef sender) {
			return sender;
		}

		@Handles
		ActorContext onLong(Long number, ActorContext context) {
			return context;
		}

	}

	static class NamedTypes {

		@Handles(Order.class)
		String onRecord(Record record) {
			return "record " + record;
		}

		@Handles(Cancel.class)
		String onCancel() {
			return "cancelled";
		}

		@Handles(Goldfish.class)
		ActorContext onGoldfish(ActorContext context) {
			return context;
		}

	}

	static class Throws {

		@Handles
		void onOrder(Order order) throws IOException {
			throw new IOException("checked " + order.id());
		}

		@Handles
		void onCancel(Cancel cancel) {
			throw new IllegalStateException("unchecked");
		}

		@Handles
		void onText(String text) {
			throw new AssertionError("error");
		}

	}

	static class StaticHandler {

		@Handles
		static void onOrder(Order order) {
		}

	}

	static class ChildOfStatic extends StaticHandler {

	}

	static class NoParameters {

		@Handles
		void onNothing() {
		}

	}

	static class PrimitiveMessage {

		@Handles
		void onCount(int count) {
		}

	}

	static class PrimitiveValue {

		@Handles(long.class)
		void onCount(Integer count) {
		}

	}

	static class TwoMessages {

		@Handles
		void onOrder(Order order, Cancel cancel) {
		}

	}

	static class OrderActor {

		@Handles
		void onOrder(Order order, String note) {
		}

	}

	static class TwoSenders {

		@Handles
		void onOrder(Order order, ActorRef sender, ActorRef other) {
		}

	}

	static class TwoContexts {

		@Handles
		void onOrder(Order order, ActorContext context, ActorRef sender, ActorContext other) {
		}

	}

	static class NotAssignable {

		@Handles(Order.class)
		void onOrder(Cancel cancel) {
		}

	}

	static class HandlesStop {

		@Handles
		void onStop(Stop stop) {
		}

	}

	static class HandlesStopByValue {

		@Handles(Stop.class)
		void onStop(ActorContext context) {
		}

	}

	static class TwoHandlersForOrder {

		@Handles
		void onOrder(Order order) {
		}

		@Handles
		void onOrderAgain(Order order) {
		}

	}

	// Collaborators

	record TestRef(String name) implements ActorRef {

		@Override
		public void send(Object message, @Nullable ActorRef sender) {
		}

	}

	/** A context that only handlers which take one see; none of its methods is called. */
	static ActorContext testContext() {
		return (ActorContext) Proxy.newProxyInstance(ActorContext.class.getClassLoader(),
				new Class<?>[] { ActorContext.class }, (proxy, method, args) -> switch (method.getName()) {
					case "toString" -> "TestContext";
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
