package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Dispatcher;
import io.actorbeans.Stopped;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorBeans.Totals;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorsDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.PageDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopsDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.TagDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} to expose the live actors of the application's
 * {@link ActorSystem}, and to stop them.
 * <p>
 * The list stays small however many actors there are: by default it gives the totals of
 * each tag (see {@link ActorBeans}: a singleton actor bean's name, a prototype actor
 * bean's type, {@value ActorBeans#OTHER}), and the actors of one tag on request, a page
 * at a time. With {@link io.actorbeans.boot.EntityActor @EntityActor} types, it counts
 * the entities live on this instance, by type; and each {@link ActorsEndpointContributor}
 * adds a section under {@code details} ({@code actor-cluster}'s tells of the cluster's
 * members).
 * <p>
 * Reading is allowed by default; stopping needs
 * {@code management.endpoint.actors.access=unrestricted}. An actor is stopped gracefully:
 * it is sent {@link io.actorbeans.Stop}, which it handles after the messages already in
 * its mailbox, and the operation waits for its confirmation at most the Bridge's default
 * timeout ({@code actorbeans.bridge.default-timeout}).
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
@Endpoint(id = "actors", defaultAccess = Access.READ_ONLY)
@RegisterReflectionForBinding({ ActorsDescriptor.class, TagDescriptor.class, PageDescriptor.class,
		ActorDescriptor.class, StopDescriptor.class, StopsDescriptor.class })
public class ActorsEndpoint {

	/** The number of actors in a page when the request does not say. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** The largest number of actors in a page. */
	public static final int MAX_PAGE_SIZE = 1000;

	private static final Comparator<ActorInfo> BY_NAME = Comparator.comparing(ActorInfo::name);

	private final ActorSystem system;

	private final Bridge bridge;

	private final ActorBeans actorBeans;

	private final Duration stopTimeout;

	private final ApplicationEventPublisher eventPublisher;

	private final List<String> entityTypes;

	private final List<ActorsEndpointContributor> contributors;

	/**
	 * Create a new {@link ActorsEndpoint} instance that counts no entities and has no
	 * contributor.
	 * @param system the actor system to expose
	 * @param bridge the Bridge that stops actors
	 * @param actorBeans the registry that knows the tag of each actor
	 * @param stopTimeout how long to wait for actors to confirm that they stopped
	 * @param eventPublisher the publisher of the readiness change that precedes stopping
	 * every actor
	 */
	public ActorsEndpoint(ActorSystem system, Bridge bridge, ActorBeans actorBeans, Duration stopTimeout,
			ApplicationEventPublisher eventPublisher) {
		this(system, bridge, actorBeans, stopTimeout, eventPublisher, null, List.of());
	}

	/**
	 * Create a new {@link ActorsEndpoint} instance.
	 * @param system the actor system to expose
	 * @param bridge the Bridge that stops actors
	 * @param actorBeans the registry that knows the tag of each actor
	 * @param stopTimeout how long to wait for actors to confirm that they stopped
	 * @param eventPublisher the publisher of the readiness change that precedes stopping
	 * every actor
	 * @param entityTypes the entity types whose live entities to count, or {@code null}
	 * for none
	 * @param contributors the contributors of the overview's details, in their order
	 * @throws IllegalArgumentException if two contributors share a name
	 */
	public ActorsEndpoint(ActorSystem system, Bridge bridge, ActorBeans actorBeans, Duration stopTimeout,
			ApplicationEventPublisher eventPublisher, @Nullable EntityTypes entityTypes,
			List<ActorsEndpointContributor> contributors) {
		Assert.notNull(system, "'system' must not be null");
		Assert.notNull(bridge, "'bridge' must not be null");
		Assert.notNull(actorBeans, "'actorBeans' must not be null");
		Assert.notNull(stopTimeout, "'stopTimeout' must not be null");
		Assert.notNull(eventPublisher, "'eventPublisher' must not be null");
		Assert.notNull(contributors, "'contributors' must not be null");
		this.system = system;
		this.bridge = bridge;
		this.actorBeans = actorBeans;
		this.stopTimeout = stopTimeout;
		this.eventPublisher = eventPublisher;
		this.entityTypes = (entityTypes != null) ? entityTypes.all().stream().map(EntityType::name).toList()
				: List.of();
		this.contributors = List.copyOf(contributors);
		Set<String> names = new HashSet<>();
		for (ActorsEndpointContributor contributor : this.contributors) {
			Assert.isTrue(names.add(contributor.name()),
					() -> "Two ActorsEndpointContributor beans are named '" + contributor.name() + "' (one is "
							+ contributor.getClass().getName() + "): give each its own name");
		}
	}

	/**
	 * Describe the live actors: the totals of each tag and, for a tag given, a page of
	 * its actors sorted by name ({@code /actuator/actors?tag=Counter&page=2&size=50}).
	 * @param tag the tag whose actors to list, or {@code null} for the totals alone
	 * @param page the number of the page, from 0 (the default); only with a tag
	 * @param size the number of actors in a page, from 1 to {@value #MAX_PAGE_SIZE}
	 * ({@value #DEFAULT_PAGE_SIZE} by default); only with a tag
	 * @return the totals by tag, the page if a tag is given, the dead-letter count, the
	 * live entities by type, and the contributors' details
	 * @throws InvalidEndpointRequestException ({@code 400 Bad Request} over HTTP) if the
	 * tag is unknown, the page or the size is out of range, or a page or a size comes
	 * without a tag
	 */
	@ReadOperation
	public ActorsDescriptor actors(@Nullable String tag, @Nullable Integer page, @Nullable Integer size) {
		List<ActorInfo> live = this.system.actors();
		Map<String, TagDescriptor> tags = new TreeMap<>();
		this.actorBeans.totals(live).forEach((name, totals) -> tags.put(name, TagDescriptor.of(totals)));
		PageDescriptor selected = null;
		if (tag != null) {
			selected = pageOf(live, tag, (page != null) ? page : 0, (size != null) ? size : DEFAULT_PAGE_SIZE);
		}
		else if (page != null || size != null) {
			throw invalid("A page of actors needs a tag: add 'tag', one of " + this.actorBeans.tags());
		}
		return new ActorsDescriptor(tags, selected, this.system.deadLetterCount(), entitiesOf(live), details());
	}

	/**
	 * The live entities of each type: the actors named {@code <type>:<id>} (see
	 * {@link EntityActivator#actorName(String, String)}), their children left out.
	 */
	private @Nullable Map<String, Integer> entitiesOf(List<ActorInfo> live) {
		if (this.entityTypes.isEmpty()) {
			return null;
		}
		Map<String, Integer> entities = new TreeMap<>();
		this.entityTypes.forEach((type) -> entities.put(type, 0));
		for (ActorInfo actor : live) {
			String type = EntityActivator.typeOf(actor.name());
			if (type != null) {
				entities.computeIfPresent(type, (key, count) -> count + 1);
			}
		}
		return entities;
	}

	private @Nullable Map<String, Object> details() {
		if (this.contributors.isEmpty()) {
			return null;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		for (ActorsEndpointContributor contributor : this.contributors) {
			details.put(contributor.name(), contributor.describe());
		}
		return details;
	}

	private PageDescriptor pageOf(List<ActorInfo> live, String tag, int page, int size) {
		Set<String> tags = this.actorBeans.tags();
		if (!tags.contains(tag)) {
			throw invalid("No actor tag '" + tag + "'; the tags are " + tags);
		}
		if (page < 0) {
			throw invalid("Invalid page " + page + ": pages are numbered from 0");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw invalid("Invalid size " + size + ": a page holds 1 to " + MAX_PAGE_SIZE + " actors");
		}
		long skipped = (long) page * size;
		FirstInOrder<ActorInfo> first = new FirstInOrder<>(BY_NAME, (int) Math.min(skipped + size, live.size()));
		for (ActorInfo actor : live) {
			if (this.actorBeans.tagOf(actor.name()).equals(tag)) {
				first.offer(actor);
			}
		}
		List<ActorInfo> kept = first.first();
		List<ActorDescriptor> actors = new ArrayList<>(size);
		for (int i = (int) Math.min(skipped, kept.size()); i < kept.size(); i++) {
			actors.add(describe(kept.get(i)));
		}
		return new PageDescriptor(tag, page, size, first.count(), actors);
	}

	private static InvalidEndpointRequestException invalid(String message) {
		return new InvalidEndpointRequestException(message, message);
	}

	/**
	 * Describe one live actor.
	 * @param name the actor's name, as its path segments: a child actor
	 * {@code parent/child} is {@code /actuator/actors/parent/child}
	 * @return the actor, or {@code null} if no live actor has the name
	 */
	@ReadOperation
	public @Nullable ActorDescriptor actor(@Selector(match = Match.ALL_REMAINING) String... name) {
		return this.system.actor(join(name)).map(this::describe).orElse(null);
	}

	/**
	 * Stop one actor gracefully, and wait for it to confirm.
	 * @param name the actor's name, as its path segments (see {@link #actor(String...)})
	 * @return what happened, or {@code null} if no live actor has the name
	 */
	@DeleteOperation
	public @Nullable StopDescriptor stop(@Selector(match = Match.ALL_REMAINING) String... name) {
		Optional<ActorRef> actor = this.system.lookup(join(name));
		if (actor.isEmpty()) {
			return null;
		}
		return stop(List.of(actor.get())).get(0);
	}

	/**
	 * Take this instance out of service, then stop every live actor gracefully and wait,
	 * under one deadline, for them to confirm. First it publishes
	 * {@link ReadinessState#REFUSING_TRAFFIC}, so that the readiness probe
	 * ({@code /actuator/health/readiness}) tells the platform to send no more requests:
	 * without its actors the application cannot serve them. It stays so until the
	 * application is restarted.
	 * @return what happened to each actor, sorted by name
	 */
	@DeleteOperation
	public StopsDescriptor stopAll() {
		AvailabilityChangeEvent.publish(this.eventPublisher, this, ReadinessState.REFUSING_TRAFFIC);
		List<String> names = this.system.actors().stream().map(ActorInfo::name).sorted().toList();
		List<ActorRef> actors = new ArrayList<>(names.size());
		for (String name : names) {
			this.system.lookup(name).ifPresent(actors::add);
		}
		return new StopsDescriptor(stop(actors));
	}

	private List<StopDescriptor> stop(List<ActorRef> actors) {
		List<@Nullable Stopped> confirmations = this.bridge.stop(actors, this.stopTimeout);
		List<StopDescriptor> results = new ArrayList<>(actors.size());
		for (int i = 0; i < actors.size(); i++) {
			ActorRef actor = actors.get(i);
			results.add(new StopDescriptor(actor.name(),
					(confirmations.get(i) != null || !isLive(actor)) ? StopOutcome.STOPPED : StopOutcome.NOT_STOPPED));
		}
		return results;
	}

	/**
	 * Whether an actor is still live: no confirmation means that it did not stop in time,
	 * or that it had already stopped before it could handle the request.
	 */
	private boolean isLive(ActorRef actor) {
		return this.system.lookup(actor.name()).filter((live) -> live == actor).isPresent();
	}

	private static String join(String[] name) {
		Assert.notEmpty(name, "'name' must not be empty");
		return String.join("/", name);
	}

	private ActorDescriptor describe(ActorInfo actor) {
		return new ActorDescriptor(actor.name(), actor.parent(), actor.state(), actor.dispatcher(), actor.mailboxSize(),
				actor.processed(), actor.failures(), actor.lastActivity(), actor.processingTime(),
				this.actorBeans.tagOf(actor.name()));
	}

	/**
	 * Description of the live actors.
	 *
	 * @param tags the totals of each tag, by tag, sorted
	 * @param page a page of the actors of the tag asked for, or {@code null} if none was
	 * @param deadLetters the number of dead letters since the actor system started
	 * @param entities the live entities on this instance by type, sorted, every type
	 * included; {@code null} if the application has no entity type
	 * @param details each {@link ActorsEndpointContributor}'s section by its name, in
	 * their order; {@code null} if there is no contributor
	 */
	public record ActorsDescriptor(Map<String, TagDescriptor> tags, @Nullable PageDescriptor page, long deadLetters,
			@Nullable Map<String, Integer> entities,
			@Nullable Map<String, Object> details) implements OperationResponseBody {

	}

	/**
	 * Description of the actors of one tag, in all: the live ones, and for the cumulative
	 * figures those that have ended too.
	 *
	 * @param actors the live actors
	 * @param mailboxSize the messages waiting in their mailboxes
	 * @param processed the messages handled, failures included, since the application
	 * started
	 * @param failures the messages whose handler threw, since the application started
	 * @param processingTime the time the handlers have taken, since the application
	 * started
	 */
	public record TagDescriptor(int actors, long mailboxSize, long processed, long failures, Duration processingTime) {

		static TagDescriptor of(Totals totals) {
			return new TagDescriptor(totals.actors(), totals.mailboxSize(), totals.processed(), totals.failures(),
					totals.processingTime());
		}

	}

	/**
	 * Description of a page of the live actors of one tag.
	 *
	 * @param tag the tag
	 * @param number the number of the page, from 0
	 * @param size the largest number of actors in a page
	 * @param total the number of live actors of the tag, in all pages
	 * @param actors the actors of the page, sorted by name: empty past the last page
	 */
	public record PageDescriptor(String tag, int number, int size, int total, List<ActorDescriptor> actors) {

	}

	/**
	 * Description of one live actor.
	 *
	 * @param name the actor's name: {@code parent/child} for a child actor
	 * @param parent the name of the actor that spawned it as a child, or {@code null} for
	 * an actor spawned by the system (an actor bean's, for instance)
	 * @param state where it is in its life
	 * @param dispatcher the threads that run it
	 * @param mailboxSize the messages waiting in its mailbox
	 * @param processed the messages it has handled, failures included
	 * @param failures the messages whose handler threw
	 * @param lastActivity when it last started a turn, or was spawned
	 * @param processingTime the time its handlers have taken, in all
	 * @param tag the group it is counted in by the metrics: its bean's name for a
	 * singleton actor bean and for the children it spawns, its bean's type for a
	 * prototype one, {@value ActorBeans#OTHER} otherwise
	 */
	public record ActorDescriptor(String name, @Nullable String parent, ActorState state, Dispatcher dispatcher,
			int mailboxSize, long processed, long failures, Instant lastActivity, Duration processingTime,
			String tag) implements OperationResponseBody {

	}

	/**
	 * Description of what a request to stop an actor achieved.
	 *
	 * @param name the actor's name
	 * @param outcome whether it stopped
	 */
	public record StopDescriptor(String name, StopOutcome outcome) implements OperationResponseBody {

	}

	/**
	 * Description of what a request to stop every actor achieved.
	 *
	 * @param actors the outcome for each actor, sorted by name
	 */
	public record StopsDescriptor(List<StopDescriptor> actors) implements OperationResponseBody {

	}

	/**
	 * What a request to stop an actor achieved.
	 */
	public enum StopOutcome {

		/** The actor has stopped. */
		STOPPED,

		/**
		 * The actor did not confirm within the timeout and is still live: it is still
		 * busy with the messages before the request, and stops once it reaches it; or its
		 * bounded mailbox was full, and the request was refused.
		 */
		NOT_STOPPED

	}

}
