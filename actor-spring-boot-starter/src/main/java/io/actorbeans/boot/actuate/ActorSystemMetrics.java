package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.ActorSystem;
import io.actorbeans.DeadLetter;
import io.actorbeans.DeadLetterListener;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorBeans.Totals;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link MeterBinder} for the actors of an {@link ActorSystem}, in groups tagged
 * {@code actor} (see {@link ActorBeans}: an actor bean's name, singleton or prototype,
 * {@value ActorBeans#OTHER} for the rest; a child actor counts in the group of the
 * singleton actor bean it descends from, else in {@value ActorBeans#OTHER}) and
 * {@code dispatcher} (the group's dispatcher, {@value ActorBeans#MIXED_DISPATCHERS} for
 * {@value ActorBeans#OTHER}), so that the number of series stays bounded however many
 * actors come and go:
 * <ul>
 * <li>{@code actors.messages.processed} (function counter): messages handled, tagged
 * {@code outcome} {@code success} (the handler returned) or {@code failure} (it
 * threw);</li>
 * <li>{@code actors.messages.failed} (function counter): messages whose handler threw;
 * deprecated, to be removed in the next release: read
 * {@code actors.messages.processed{outcome=failure}};</li>
 * <li>{@code actors.processing} (function timer): count and total time of the handled
 * messages, estimated from sampled turns (with observations on,
 * {@code actors.message.process} is a timer of every handler);</li>
 * <li>{@code actors.mailbox.size} (gauge): messages waiting in the live actors'
 * mailboxes;</li>
 * <li>{@code actors.live} (gauge): live actors;</li>
 * <li>{@code actors.dead.letters} (function counter): dead letters, tagged {@code actor}
 * (the recipient's group) and {@code reason} ({@code stopped}, {@code mailbox_full},
 * {@code unhandled}, {@code late_reply}, {@code no_sender}); a series appears with its
 * first dead letter.</li>
 * </ul>
 * The counters include the actors that have ended, and never go down. The meters of a
 * group are registered when the registry is bound, or, for a group that appears later,
 * when its first actor is spawned: never while the meters are read.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public class ActorSystemMetrics implements MeterBinder, AutoCloseable {

	/*-
	 * Every meter reads one snapshot of the totals by tag, taken at most once per "refresh"
	 * interval: a scrape reads some 7 meters per tag, and each snapshot walks all the live actors,
	 * so reading them per meter would cost meters x tags x actors. The snapshot keeps the
	 * cumulative figures of the previous one when they are higher: an actor that ends is removed
	 * from the live actors just before ActorBeans learns of its figures, and in between its
	 * counts would be missing. Meters of a tag that appears after the binding (a tag ActorBeans did
	 * not know when it was made) are registered when ActorBeans registers its first actor.
	 */

	/** The name of the tag of the actors' group. */
	public static final String ACTOR_TAG = "actor";

	/** The name of the tag of the dispatcher of the actors' group. */
	public static final String DISPATCHER_TAG = "dispatcher";

	/** The name of the tag of the outcome of a processed message. */
	public static final String OUTCOME_TAG = "outcome";

	/** The name of the tag of the reason of a dead letter. */
	public static final String REASON_TAG = "reason";

	private static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

	private static final Totals NONE = new Totals(0, 0, 0, 0, Duration.ZERO);

	private final ActorSystem system;

	private final ActorBeans actorBeans;

	private final long refreshNanos;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> boundTags = ConcurrentHashMap.newKeySet();

	private final Map<DeadLetterKey, LongAdder> deadLetters = new ConcurrentHashMap<>();

	private final DeadLetterListener deadLetterListener = this::onDeadLetter;

	private final Object refreshLock = new Object();

	private volatile @Nullable Snapshot snapshot;

	/**
	 * Create a new {@code ActorSystemMetrics} instance. It counts dead letters from now
	 * on; {@link #close()} stops that.
	 * @param system the actor system
	 * @param actorBeans the registry that groups the actors by tag
	 */
	public ActorSystemMetrics(ActorSystem system, ActorBeans actorBeans) {
		this(system, actorBeans, DEFAULT_REFRESH);
	}

	/**
	 * Create a new {@code ActorSystemMetrics} instance that reads the actors at most once
	 * per interval.
	 * @param system the actor system
	 * @param actorBeans the registry that groups the actors by tag
	 * @param refresh how long a snapshot of the actors' figures is reused
	 */
	ActorSystemMetrics(ActorSystem system, ActorBeans actorBeans, Duration refresh) {
		Assert.notNull(system, "'system' must not be null");
		Assert.notNull(actorBeans, "'actorBeans' must not be null");
		this.system = system;
		this.actorBeans = actorBeans;
		this.refreshNanos = refresh.toNanos();
		system.addDeadLetterListener(this.deadLetterListener);
		actorBeans.addTagListener(this::onNewTag);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		this.boundTags.addAll(this.actorBeans.tags());
		for (String tag : this.boundTags) {
			bindTag(registry, tag);
		}
		for (DeadLetterKey key : this.deadLetters.keySet()) {
			bindDeadLetters(registry, key);
		}
	}

	/**
	 * Stop counting dead letters.
	 */
	@Override
	public void close() {
		this.system.removeDeadLetterListener(this.deadLetterListener);
	}

	private void onNewTag(String tag) {
		if (this.boundTags.add(tag)) {
			for (MeterRegistry registry : this.registries) {
				bindTag(registry, tag);
			}
		}
	}

	private void bindTag(MeterRegistry registry, String tag) {
		Tags tags = Tags.of(ACTOR_TAG, tag, DISPATCHER_TAG, this.actorBeans.dispatcherOf(tag));
		FunctionCounter
			.builder("actors.messages.processed", this,
					(metrics) -> metrics.totals(tag).processed() - metrics.totals(tag).failures())
			.description("Messages handled by the actors")
			.baseUnit(BaseUnits.MESSAGES)
			.tags(tags)
			.tag(OUTCOME_TAG, "success")
			.register(registry);
		FunctionCounter.builder("actors.messages.processed", this, (metrics) -> metrics.totals(tag).failures())
			.description("Messages handled by the actors")
			.baseUnit(BaseUnits.MESSAGES)
			.tags(tags)
			.tag(OUTCOME_TAG, "failure")
			.register(registry);
		FunctionCounter.builder("actors.messages.failed", this, (metrics) -> metrics.totals(tag).failures())
			.description("Messages whose handler threw (deprecated: actors.messages.processed, outcome=failure)")
			.baseUnit(BaseUnits.MESSAGES)
			.tags(tags)
			.register(registry);
		FunctionTimer
			.builder("actors.processing", this, (metrics) -> metrics.totals(tag).processed(),
					(metrics) -> metrics.totals(tag).processingTime().toNanos(), TimeUnit.NANOSECONDS)
			.description("Time the actors' handlers took, estimated from sampled turns")
			.tags(tags)
			.register(registry);
		Gauge.builder("actors.mailbox.size", this, (metrics) -> metrics.totals(tag).mailboxSize())
			.description("Messages waiting in the mailboxes of the live actors")
			.baseUnit(BaseUnits.MESSAGES)
			.tags(tags)
			.strongReference(true)
			.register(registry);
		Gauge.builder("actors.live", this, (metrics) -> metrics.totals(tag).actors())
			.description("Live actors")
			.baseUnit("actors")
			.tags(tags)
			.strongReference(true)
			.register(registry);
	}

	private void bindDeadLetters(MeterRegistry registry, DeadLetterKey key) {
		FunctionCounter.builder("actors.dead.letters", this.deadLetters.get(key), LongAdder::sum)
			.description("Messages that were not delivered to a handler")
			.baseUnit(BaseUnits.MESSAGES)
			.tags(ACTOR_TAG, key.tag(), REASON_TAG, key.reason())
			.register(registry);
	}

	private void onDeadLetter(DeadLetter deadLetter) {
		DeadLetterKey key = new DeadLetterKey(this.actorBeans.tagOf(deadLetter.recipient().name()),
				deadLetter.reason().name().toLowerCase(Locale.ROOT));
		LongAdder count = this.deadLetters.get(key);
		if (count == null) {
			count = this.deadLetters.computeIfAbsent(key, (newKey) -> new LongAdder());
			for (MeterRegistry registry : this.registries) {
				bindDeadLetters(registry, key);
			}
		}
		count.increment();
	}

	private Totals totals(String tag) {
		return snapshot().totals().getOrDefault(tag, NONE);
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current != null && System.nanoTime() - current.takenAt() < this.refreshNanos) {
			return current;
		}
		Snapshot next;
		synchronized (this.refreshLock) {
			Snapshot previous = this.snapshot;
			long now = System.nanoTime();
			if (previous != null && previous != current && now - previous.takenAt() < this.refreshNanos) {
				return previous;
			}
			Map<String, Totals> totals = this.actorBeans.totals(this.system.actors());
			if (previous != null) {
				totals.replaceAll((tag, latest) -> atLeast(latest, previous.totals().get(tag)));
			}
			next = new Snapshot(now, Collections.unmodifiableMap(totals));
			this.snapshot = next;
		}
		return next;
	}

	/** The latest totals, with cumulative figures no lower than the previous ones. */
	private static Totals atLeast(Totals latest, @Nullable Totals previous) {
		if (previous == null) {
			return latest;
		}
		return new Totals(latest.actors(), latest.mailboxSize(), Math.max(latest.processed(), previous.processed()),
				Math.max(latest.failures(), previous.failures()),
				(latest.processingTime().compareTo(previous.processingTime()) >= 0) ? latest.processingTime()
						: previous.processingTime());
	}

	/** The totals by tag at an instant of {@link System#nanoTime()}. */
	private record Snapshot(long takenAt, Map<String, Totals> totals) {
	}

	/** The tags of a dead-letter counter. */
	private record DeadLetterKey(String tag, String reason) {
	}

}
