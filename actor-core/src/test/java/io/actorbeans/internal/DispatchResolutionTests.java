package io.actorbeans.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.FailurePolicy;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Handles;
import io.actorbeans.UnhandledMessageException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests of {@code @Handles} dispatch against an oracle: for a fixed hierarchy of message
 * types (classes, interfaces, diamonds, a record, an enum with a constant body, JDK
 * types) and a fixed set of behaviours (a base, subclasses that override, replace and add
 * handlers, a generic one), the handler that {@link HandlerTable} picks, and the one an
 * actor runs, is the one an independent oracle derives from the documented rule, for
 * every pair of behaviour and message.
 * <p>
 * The oracle reads a declarative model of each behaviour's methods ({@link #DECLARED},
 * checked against the classes by reflection) and applies the rule:
 * <ol>
 * <li>handlers are inherited; a class's handler for a message class replaces its
 * superclass's, and so does a handler that overrides the superclass's handler method; a
 * handler method that is overridden without {@code @Handles} stays the handler and runs
 * the override;
 * <li>of the handled types the message is an instance of, the most specific class other
 * than {@code Object} wins;
 * <li>else the interfaces: those that no other matching interface extends; one wins,
 * several are ambiguous (the dispatch fails, whatever else matches, {@code Object}
 * included);
 * <li>else the handler of {@code Object}; else none.
 * </ol>
 * Unlike {@link HandlerTable}, it never walks the superclasses or interfaces of the
 * message: it tests each handled type with {@link Class#isAssignableFrom}.
 */
@Timeout(60)
class DispatchResolutionTests {

	static final String NONE = "(none)";

	static final String AMBIGUOUS = "(ambiguous)";

	private static @Nullable ActorSystem system;

	// Messages

	interface Msg {

	}

	interface Left extends Msg {

	}

	interface Right extends Msg {

	}

	interface Both extends Left, Right {

	}

	interface Tagged {

	}

	interface Special extends Tagged {

	}

	static class Base implements Msg {

	}

	static class Alpha extends Base implements Left {

	}

	static class AlphaPrime extends Alpha {

	}

	static class Beta extends Base implements Both {

	}

	static class BetaTagged extends Beta implements Tagged {

	}

	static class Gamma implements Left, Right {

	}

	static class Delta extends Gamma implements Special {

	}

	static class Plain {

	}

	static class LeftOnly implements Left {

	}

	static class RightOnly implements Right {

	}

	record Point(int x) implements Both, Tagged {
	}

	enum Level implements Special {

		LOW, HIGH {

			@Override
			public String toString() {
				return "high";
			}

		}

	}

	static final List<Object> MESSAGES = List.of(new Base(), new Alpha(), new AlphaPrime(), new Beta(), new Beta() {
	}, new BetaTagged(), new Gamma(), new Delta(), new Plain(), new LeftOnly(), new RightOnly(), new Point(1),
			Level.LOW, Level.HIGH, "text", 42, new Object());

	// Behaviours

	static class Root {

		@Handles
		String onBase(Base message) {
			return "Root.onBase";
		}

		@Handles
		String onLeft(Left message) {
			return "Root.onLeft";
		}

		@Handles
		String onRight(Right message) {
			return "Root.onRight";
		}

		@Handles
		String onTagged(Tagged message) {
			return "Root.onTagged";
		}

		@Handles
		private String onPlain(Plain message) {
			return "Root.onPlain";
		}

	}

	static class Child extends Root {

		/** Not a handler of its own: Root's handler for Left stays, and runs this. */
		@Override
		String onLeft(Left message) {
			return "Child.onLeft";
		}

		@Handles
		String onGamma(Gamma message) {
			return "Child.onGamma";
		}

		@Handles
		String onBoth(Both message) {
			return "Child.onBoth";
		}

		@Handles
		String onMsg(Msg message) {
			return "Child.onMsg";
		}

		@Handles
		String onObject(Object message) {
			return "Child.onObject";
		}

		/** Private: overrides nothing, and replaces Root's handler for Plain. */
		@Handles
		private String onPlain(Plain message) {
			return "Child.onPlain";
		}

	}

	static class GrandChild extends Child {

		/** Another method for Base: replaces Root's. */
		@Handles
		String onBase2(Base message) {
			return "GrandChild.onBase2";
		}

		/** An annotated override: the handler is this one. */
		@Handles
		@Override
		String onRight(Right message) {
			return "GrandChild.onRight";
		}

		/** An override that handles another class: Tagged is no longer handled. */
		@Handles(Special.class)
		@Override
		String onTagged(Tagged message) {
			return "GrandChild.onTagged";
		}

	}

	static class GreatGrandChild extends GrandChild {

		@Override
		String onRight(Right message) {
			return "GreatGrandChild.onRight";
		}

		/** Overrides a handler method that GrandChild's onBase2 replaced: no effect. */
		@Override
		String onBase(Base message) {
			return "GreatGrandChild.onBase";
		}

		@Handles
		String onLevel(Level message) {
			return "GreatGrandChild.onLevel";
		}

	}

	static class Wide {

		@Handles(Alpha.class)
		String onAny(Base message) {
			return "Wide.onAny";
		}

		@Handles(Plain.class)
		String onPlain() {
			return "Wide.onPlain";
		}

		@Handles
		String onNumber(Number message) {
			return "Wide.onNumber";
		}

		@Handles
		String onComparable(Comparable<?> message) {
			return "Wide.onComparable";
		}

		@Handles
		String onCharSequence(CharSequence message) {
			return "Wide.onCharSequence";
		}

		@Handles
		String onSpecial(Special message) {
			return "Wide.onSpecial";
		}

		@Handles
		String onRecord(Record message) {
			return "Wide.onRecord";
		}

	}

	abstract static class Typed<T> {

		@Handles
		abstract String on(T message);

	}

	/** Overrides the generic handler of Object (the erasure of T) with one of String. */
	static class Texts extends Typed<String> {

		@Handles
		@Override
		String on(String message) {
			return "Texts.on";
		}

	}

	static final List<Object> BEHAVIOURS = List.of(new Root(), new Child(), new GrandChild(), new GreatGrandChild(),
			new Wide(), new Texts());

	/** A method as declared by a behaviour class, for the oracle. */
	record Declared(Class<?> owner, String name, @Nullable Class<?> handles, boolean isPrivate) {

		String tag() {
			return this.owner.getSimpleName() + "." + this.name;
		}

		boolean overrides(Declared other) {
			return !this.isPrivate && !other.isPrivate && this.name.equals(other.name);
		}

	}

	/**
	 * The methods each class declares: a name, the class it handles (none for a method
	 * without {@code @Handles}) and whether it is private. Within these classes, two
	 * non-private methods of one name override one another.
	 */
	static final Map<Class<?>, List<Declared>> DECLARED = declared();

	private static Map<Class<?>, List<Declared>> declared() {
		Map<Class<?>, List<Declared>> declared = new HashMap<>();
		declared.put(Root.class,
				List.of(handler(Root.class, "onBase", Base.class), handler(Root.class, "onLeft", Left.class),
						handler(Root.class, "onRight", Right.class), handler(Root.class, "onTagged", Tagged.class),
						privateHandler(Root.class, "onPlain", Plain.class)));
		declared.put(Child.class, List.of(method(Child.class, "onLeft"), handler(Child.class, "onGamma", Gamma.class),
				handler(Child.class, "onBoth", Both.class), handler(Child.class, "onMsg", Msg.class),
				handler(Child.class, "onObject", Object.class), privateHandler(Child.class, "onPlain", Plain.class)));
		declared.put(GrandChild.class,
				List.of(handler(GrandChild.class, "onBase2", Base.class),
						handler(GrandChild.class, "onRight", Right.class),
						handler(GrandChild.class, "onTagged", Special.class)));
		declared.put(GreatGrandChild.class, List.of(method(GreatGrandChild.class, "onRight"),
				method(GreatGrandChild.class, "onBase"), handler(GreatGrandChild.class, "onLevel", Level.class)));
		declared.put(Wide.class, List.of(handler(Wide.class, "onAny", Alpha.class),
				handler(Wide.class, "onPlain", Plain.class), handler(Wide.class, "onNumber", Number.class),
				handler(Wide.class, "onComparable", Comparable.class),
				handler(Wide.class, "onCharSequence", CharSequence.class),
				handler(Wide.class, "onSpecial", Special.class), handler(Wide.class, "onRecord", Record.class)));
		declared.put(Typed.class, List.of(handler(Typed.class, "on", Object.class)));
		declared.put(Texts.class, List.of(handler(Texts.class, "on", String.class)));
		return Map.copyOf(declared);
	}

	private static Declared handler(Class<?> owner, String name, Class<?> handles) {
		return new Declared(owner, name, handles, false);
	}

	private static Declared privateHandler(Class<?> owner, String name, Class<?> handles) {
		return new Declared(owner, name, handles, true);
	}

	private static Declared method(Class<?> owner, String name) {
		return new Declared(owner, name, null, false);
	}

	// The oracle

	/**
	 * What the rule says happens to a message of a class sent to a behaviour of a class.
	 * @return the tag of the method that runs, {@link #NONE} or {@link #AMBIGUOUS}
	 */
	static String expected(Class<?> behaviorClass, Class<?> messageClass) {
		List<Class<?>> chain = new ArrayList<>(); // most derived first
		for (Class<?> type = behaviorClass; type != Object.class; type = type.getSuperclass()) {
			chain.add(type);
		}
		// 1. The handlers: most derived first; one that a subclass's handler overrides is
		// replaced.
		Map<Class<?>, Declared> handlers = new LinkedHashMap<>();
		for (int i = 0; i < chain.size(); i++) {
			List<Class<?>> subclasses = chain.subList(0, i);
			for (Declared method : DECLARED.get(chain.get(i))) {
				if (method.handles() != null && subclasses.stream()
					.flatMap((subclass) -> DECLARED.get(subclass).stream())
					.noneMatch((other) -> other.handles() != null && other.overrides(method))) {
					handlers.putIfAbsent(method.handles(), method);
				}
			}
		}
		// 2-4. The most specific handled type the message is an instance of.
		List<Class<?>> matching = handlers.keySet()
			.stream()
			.filter((type) -> type.isAssignableFrom(messageClass))
			.toList();
		List<Class<?>> classes = matching.stream()
			.filter((type) -> !type.isInterface() && type != Object.class)
			.toList();
		List<Class<?>> interfaces = matching.stream().filter(Class::isInterface).toList();
		List<Class<?>> mostSpecificInterfaces = interfaces.stream()
			.filter((type) -> interfaces.stream().noneMatch((other) -> other != type && type.isAssignableFrom(other)))
			.toList();
		Class<?> chosen;
		if (!classes.isEmpty()) {
			chosen = classes.stream()
				.filter((type) -> classes.stream().allMatch((other) -> other.isAssignableFrom(type)))
				.findFirst()
				.orElseThrow();
		}
		else if (mostSpecificInterfaces.size() > 1) {
			return AMBIGUOUS;
		}
		else if (mostSpecificInterfaces.size() == 1) {
			chosen = mostSpecificInterfaces.get(0);
		}
		else if (matching.contains(Object.class)) {
			chosen = Object.class;
		}
		else {
			return NONE;
		}
		// The method that runs: the handler if private, else its most derived override.
		Declared handler = handlers.get(chosen);
		if (handler.isPrivate()) {
			return handler.tag();
		}
		return chain.stream()
			.flatMap((type) -> DECLARED.get(type).stream())
			.filter((method) -> method == handler || method.overrides(handler))
			.findFirst()
			.orElseThrow()
			.tag();
	}

	// What the runtime does

	/** What the table's handler does with the message, as the oracle says it. */
	static String dispatched(HandlerTable table, Object behavior, Object message) {
		Handler handler;
		try {
			handler = table.find(message.getClass());
		}
		catch (IllegalStateException ex) {
			assertThat(ex).hasMessageContaining("Ambiguous handlers")
				.hasMessageContaining(message.getClass().getName());
			return AMBIGUOUS;
		}
		if (handler == null) {
			return NONE;
		}
		try {
			return (String) handler.invoke(behavior, message, null, null);
		}
		catch (Throwable ex) {
			throw new AssertionError("Handler " + handler + " failed on " + message, ex);
		}
	}

	// Every behaviour with every message

	@Test
	void handlerTablePicksTheHandlerOfTheRule() {
		for (Object behavior : BEHAVIOURS) {
			for (Object message : MESSAGES) {
				assertDispatchedByTheRule(behavior, message);
			}
		}
	}

	/**
	 * Lookups in any order give the same answers: the cache does not change them. Each
	 * seed shuffles the pairs, and each run starts with tables of its own.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void answersDoNotDependOnTheOrderOfLookups(long seed) {
		List<Object[]> pairs = new ArrayList<>();
		for (Object behavior : BEHAVIOURS) {
			for (Object message : MESSAGES) {
				pairs.add(new Object[] { behavior, message });
			}
		}
		Collections.shuffle(pairs, new Random(seed));
		Map<Class<?>, HandlerTable> tables = new HashMap<>();
		for (Object[] pair : pairs) {
			HandlerTable table = tables.computeIfAbsent(pair[0].getClass(), HandlerTable::new);
			assertThat(dispatched(table, pair[0], pair[1]))
				.as("%s handling %s (seed %d)", pair[0].getClass().getSimpleName(), pair[1].getClass().getName(), seed)
				.isEqualTo(expected(pair[0].getClass(), pair[1].getClass()));
		}
	}

	@Test
	void actorRunsTheHandlerOfTheRule() {
		Duration timeout = Duration.ofSeconds(10);
		for (Object behavior : BEHAVIOURS) {
			ActorRef actor = system.spawn("dispatch-" + behavior.getClass().getSimpleName(), behavior);
			for (Object message : MESSAGES) {
				String expected = expected(behavior.getClass(), message.getClass());
				String what = behavior.getClass().getSimpleName() + " handling " + message.getClass().getName();
				if (expected.equals(NONE)) {
					assertThatExceptionOfType(UnhandledMessageException.class).as(what)
						.isThrownBy(() -> system.bridge().call(actor, message, timeout));
				}
				else if (expected.equals(AMBIGUOUS)) {
					Throwable failure = catchThrowable(() -> system.bridge().call(actor, message, timeout));
					assertThat(failure).as(what)
						.isInstanceOf(HandlerFailedException.class)
						.hasCauseInstanceOf(IllegalStateException.class);
				}
				else {
					String reply = system.bridge().call(actor, message, timeout);
					assertThat(reply).as(what).isEqualTo(expected);
				}
			}
		}
	}

	private static void assertDispatchedByTheRule(Object behavior, Object message) {
		assertThat(dispatched(HandlerTable.of(behavior.getClass()), behavior, message))
			.as("%s handling %s", behavior.getClass().getSimpleName(), message.getClass().getName())
			.isEqualTo(expected(behavior.getClass(), message.getClass()));
	}

	// The fixture against the model, and the oracle against examples worked out by hand

	@Test
	void modelDeclaresWhatTheClassesDeclare() {
		for (Map.Entry<Class<?>, List<Declared>> entry : DECLARED.entrySet()) {
			Set<String> actual = new TreeSet<>();
			for (Method method : entry.getKey().getDeclaredMethods()) {
				if (method.isSynthetic() || method.isBridge()) {
					continue;
				}
				Handles handles = method.getAnnotation(Handles.class);
				Class<?> handled = (handles == null) ? null
						: (handles.value() != void.class) ? handles.value() : method.getParameterTypes()[0];
				actual.add(describe(method.getName(), handled, Modifier.isPrivate(method.getModifiers())));
			}
			Set<String> modelled = new TreeSet<>();
			for (Declared declared : entry.getValue()) {
				modelled.add(describe(declared.name(), declared.handles(), declared.isPrivate()));
			}
			assertThat(modelled).as(entry.getKey().getName()).isEqualTo(actual);
		}
		for (Object behavior : BEHAVIOURS) {
			for (Class<?> type = behavior.getClass(); type != Object.class; type = type.getSuperclass()) {
				assertThat(DECLARED).as("model of " + type.getName()).containsKey(type);
			}
		}
	}

	@Test
	void oracleAgreesWithExamplesWorkedOutByHand() {
		// a class handler beats interface handlers; the nearest superclass wins
		assertThat(expected(Root.class, BetaTagged.class)).isEqualTo("Root.onBase");
		assertThat(expected(Wide.class, Integer.class)).isEqualTo("Wide.onNumber");
		// two unrelated interfaces, with or without a handler of Object
		assertThat(expected(Root.class, Gamma.class)).isEqualTo(AMBIGUOUS);
		assertThat(expected(Child.class, Point.class)).isEqualTo(AMBIGUOUS);
		assertThat(expected(Wide.class, String.class)).isEqualTo(AMBIGUOUS);
		// a class handler settles it, for subclasses too
		assertThat(expected(Child.class, Delta.class)).isEqualTo("Child.onGamma");
		// the most specific interface of a diamond
		assertThat(expected(GrandChild.class, Point.class)).isEqualTo("Child.onBoth");
		// an override without @Handles runs in place of the handler
		assertThat(expected(Root.class, LeftOnly.class)).isEqualTo("Root.onLeft");
		assertThat(expected(Child.class, LeftOnly.class)).isEqualTo("Child.onLeft");
		assertThat(expected(GreatGrandChild.class, RightOnly.class)).isEqualTo("GreatGrandChild.onRight");
		assertThat(expected(Child.class, Level.class)).isEqualTo("Root.onTagged");
		// handlers replaced in a subclass stay replaced when a further subclass overrides
		// them
		assertThat(expected(GrandChild.class, RightOnly.class)).isEqualTo("GrandChild.onRight");
		assertThat(expected(GreatGrandChild.class, Base.class)).isEqualTo("GrandChild.onBase2");
		// an annotated override replaces the handler, for another message class
		assertThat(expected(GrandChild.class, Level.class)).isEqualTo("GrandChild.onTagged");
		assertThat(expected(GrandChild.class, BetaTagged.class)).isEqualTo("GrandChild.onBase2");
		assertThat(expected(Child.class, Delta.class)).isEqualTo("Child.onGamma");
		// private handlers: the subclass's replaces the parent's, and no override runs
		assertThat(expected(Root.class, Plain.class)).isEqualTo("Root.onPlain");
		assertThat(expected(GreatGrandChild.class, Plain.class)).isEqualTo("Child.onPlain");
		// an enum constant with a body is a subclass of its enum
		assertThat(expected(GreatGrandChild.class, Level.HIGH.getClass())).isEqualTo("GreatGrandChild.onLevel");
		assertThat(expected(Wide.class, Level.HIGH.getClass())).isEqualTo(AMBIGUOUS);
		// the Object fallback, and none
		assertThat(expected(Child.class, String.class)).isEqualTo("Child.onObject");
		assertThat(expected(Root.class, String.class)).isEqualTo(NONE);
		// @Handles(value) with a supertype parameter, or none
		assertThat(expected(Wide.class, AlphaPrime.class)).isEqualTo("Wide.onAny");
		assertThat(expected(Wide.class, Base.class)).isEqualTo(NONE);
		assertThat(expected(Wide.class, Plain.class)).isEqualTo("Wide.onPlain");
		assertThat(expected(Wide.class, Point.class)).isEqualTo("Wide.onRecord");
		// a generic handler overridden for String handles String only
		assertThat(expected(Texts.class, String.class)).isEqualTo("Texts.on");
		assertThat(expected(Texts.class, Plain.class)).isEqualTo(NONE);
	}

	private static String describe(String name, @Nullable Class<?> handled, boolean isPrivate) {
		return name + ((handled != null) ? " handles " + handled.getName() : "") + (isPrivate ? " (private)" : "");
	}

	// The actor system

	@BeforeAll
	static void startSystem() {
		system = ActorSystem.create(ActorSystemSettings.defaults()
			.withName("dispatch-resolution")
			.withFailurePolicy(FailurePolicy.RESUME)
			.withShutdownTimeout(Duration.ofSeconds(5)));
	}

	@AfterAll
	static void stopSystem() {
		if (system != null) {
			system.close();
		}
	}

}
