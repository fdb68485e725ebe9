package io.actorbeans.boot;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorState;
import io.actorbeans.Dispatcher;
import io.actorbeans.TerminationListener;

/**
 * The actors of the application that come from {@link Actor @Actor} beans, grouped by a
 * bounded tag: the bean's name, for a singleton actor and for the prototype actors of a
 * bean alike (so that thousands of prototype actors make one group, and two beans of
 * classes with the same simple name make two), and {@value #OTHER} for actors spawned
 * directly on the actor system. A child actor (named {@code parent/child}, at any depth)
 * counts in the group of a singleton actor bean it descends from, and in {@value #OTHER}
 * otherwise: a prototype actor ends before its children do, and its name is then
 * forgotten, so its children could not be counted in its group consistently. It keeps the
 * figures of the actors that have ended, so that the totals of a group never go down.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class ActorBeans implements TerminationListener {

	/** The tag of an actor that no {@code @Actor} bean made. */
	public static final String OTHER = "other";

	/**
	 * The dispatcher of a tag whose actors may run on any dispatcher: {@value #OTHER}, or
	 * a tag not known in advance.
	 */
	public static final String MIXED_DISPATCHERS = "mixed";

	private final Set<String> tags = ConcurrentHashMap.newKeySet();

	private final Map<String, String> dispatchers = new ConcurrentHashMap<>();

	private final List<Consumer<String>> tagListeners = new CopyOnWriteArrayList<>();

	private final Map<String, String> tagsByActor = new ConcurrentHashMap<>();

	private final Map<String, Retired> retired = new ConcurrentHashMap<>();

	/**
	 * The tags of the singleton actors, by actor name, kept after they end: their
	 * children end after them. Bounded by the number of singleton actor beans.
	 */
	private final Map<String, String> singletonTags = new ConcurrentHashMap<>();

	/**
	 * The names of the singleton actors whose last actor to end under the name ended of a
	 * failure.
	 */
	private final Set<String> failedActors = ConcurrentHashMap.newKeySet();

	/**
	 * Create a registry that knows its tags in advance.
	 * @param tags the tags of the actor beans, singletons and prototypes
	 */
	public ActorBeans(Set<String> tags) {
		this.tags.addAll(tags);
		this.tags.add(OTHER);
	}

	/**
	 * Create a registry that knows its tags and the dispatcher of each in advance.
	 * @param dispatchers the dispatcher of the actors of each tag
	 */
	public ActorBeans(Map<String, Dispatcher> dispatchers) {
		this(dispatchers.keySet());
		dispatchers.forEach((tag, dispatcher) -> this.dispatchers.put(tag, dispatcher.configName()));
	}

	/**
	 * Record the actor of a singleton bean. Called by the starter when it spawns one.
	 * @param actorName the actor's name
	 * @param beanName the bean's name, its tag
	 */
	public void registerSingleton(String actorName, String beanName) {
		this.singletonTags.put(actorName, beanName);
		register(actorName, beanName);
	}

	/**
	 * Record an actor of a prototype bean. Called by the starter when it spawns one.
	 * @param actorName the actor's name
	 * @param tag its tag, the bean's name
	 */
	public void registerPrototype(String actorName, String tag) {
		register(actorName, tag);
	}

	private void register(String actorName, String tag) {
		if (this.tags.add(tag)) {
			for (Consumer<String> listener : this.tagListeners) {
				listener.accept(tag);
			}
		}
		this.tagsByActor.put(actorName, tag);
	}

	/**
	 * Be told of each tag that appears after this registry was made, when the first actor
	 * with it is registered, on the thread that registers it.
	 * @param listener called with the new tag
	 */
	public void addTagListener(Consumer<String> listener) {
		this.tagListeners.add(listener);
	}

	/**
	 * The dispatcher the actors of a tag run on.
	 * @param tag the tag
	 * @return the dispatcher's name ({@code shared}, {@code virtual}, {@code thread}), or
	 * {@value #MIXED_DISPATCHERS} for a tag whose actors may run on any
	 */
	public String dispatcherOf(String tag) {
		return this.dispatchers.getOrDefault(tag, MIXED_DISPATCHERS);
	}

	/**
	 * The tag of an actor.
	 * @param actorName the actor's name
	 * @return its tag: {@value #OTHER} if no bean made it, nor the actor it descends from
	 * if it is a child; a singleton actor bean's actor keeps its tag once it has ended
	 */
	public String tagOf(String actorName) {
		String tag = this.tagsByActor.get(actorName);
		if (tag != null) {
			return tag;
		}
		// a singleton actor keeps its tag once it has ended: a late call or dead letter
		// still counts in its group
		int slash = actorName.indexOf('/');
		tag = this.singletonTags.get((slash > 0) ? actorName.substring(0, slash) : actorName);
		return (tag != null) ? tag : OTHER;
	}

	/**
	 * Every tag an actor of this application can have.
	 * @return the tags, sorted
	 */
	public Set<String> tags() {
		return new TreeSet<>(this.tags);
	}

	/**
	 * The names of the actors of the singleton actor beans that have been spawned: the
	 * parts of the application that should be running.
	 * @return the actor names, sorted
	 */
	public Set<String> singletonActors() {
		return new TreeSet<>(this.singletonTags.keySet());
	}

	/**
	 * The names of the singleton actor beans' actors whose last actor to end under the
	 * name ended of a failure: the application has lost a part of itself, unless an actor
	 * has been spawned again under the name since (a restart or a replacement), which
	 * only the live actors show. Prototype actors come and go on demand, so their
	 * failures are not listed.
	 * @return the actor names, sorted
	 */
	public Set<String> failedActors() {
		return new TreeSet<>(this.failedActors);
	}

	/**
	 * The totals of each group: the live actors given, plus the actors that have ended.
	 * @param live a snapshot of the live actors
	 * @return the totals by tag, every known tag included
	 */
	public Map<String, Totals> totals(Collection<ActorInfo> live) {
		Map<String, Totals> totals = new TreeMap<>();
		for (String tag : this.tags) {
			Retired ended = this.retired.get(tag);
			totals.put(tag, (ended != null) ? ended.totals() : Totals.NONE);
		}
		for (ActorInfo actor : live) {
			totals.merge(tagOf(actor.name()), Totals.of(actor), Totals::plus);
		}
		return totals;
	}

	/**
	 * Keep the figures of an actor that has ended, and forget its name.
	 * @param actor its last snapshot
	 */
	@Override
	public void onTerminated(ActorInfo actor) {
		String tag = tagOf(actor.name());
		this.retired.computeIfAbsent(tag, (key) -> new Retired()).add(actor);
		this.tagsByActor.remove(actor.name());
		if (this.singletonTags.containsKey(actor.name())) {
			if (actor.state() == ActorState.FAILED) {
				this.failedActors.add(actor.name());
			}
			else {
				this.failedActors.remove(actor.name());
			}
		}
	}

	/**
	 * The figures of a group of actors. Live figures (actors, mailbox size) count the
	 * live actors only; cumulative ones include the actors that have ended.
	 *
	 * @param actors the live actors
	 * @param mailboxSize the messages waiting in their mailboxes
	 * @param processed the messages handled
	 * @param failures the messages whose handler threw
	 * @param processingTime the time the handlers took
	 */
	public record Totals(int actors, long mailboxSize, long processed, long failures, Duration processingTime) {

		static final Totals NONE = new Totals(0, 0, 0, 0, Duration.ZERO);

		static Totals of(ActorInfo actor) {
			return new Totals(1, actor.mailboxSize(), actor.processed(), actor.failures(), actor.processingTime());
		}

		Totals plus(Totals other) {
			return new Totals(this.actors + other.actors, this.mailboxSize + other.mailboxSize,
					this.processed + other.processed, this.failures + other.failures,
					this.processingTime.plus(other.processingTime));
		}

	}

	/** The cumulative figures of the ended actors of one group. */
	private static final class Retired {

		private final LongAdder processed = new LongAdder();

		private final LongAdder failures = new LongAdder();

		private final LongAdder processingNanos = new LongAdder();

		void add(ActorInfo actor) {
			this.processed.add(actor.processed());
			this.failures.add(actor.failures());
			this.processingNanos.add(actor.processingTime().toNanos());
		}

		Totals totals() {
			return new Totals(0, 0, this.processed.sum(), this.failures.sum(),
					Duration.ofNanos(this.processingNanos.sum()));
		}

	}

}
