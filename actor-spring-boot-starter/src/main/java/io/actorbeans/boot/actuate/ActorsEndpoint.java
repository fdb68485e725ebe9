package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Dispatcher;
import io.actorbeans.Stopped;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorsDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopsDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} to expose the live actors of the application's
 * {@link ActorSystem}, and to stop them.
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
@RegisterReflectionForBinding({ ActorsDescriptor.class, ActorDescriptor.class, StopDescriptor.class,
		StopsDescriptor.class })
public class ActorsEndpoint {

	private static final Comparator<ActorInfo> BY_NAME = Comparator.comparing(ActorInfo::name);

	private final ActorSystem system;

	private final Bridge bridge;

	private final ActorBeans actorBeans;

	private final Duration stopTimeout;

	/**
	 * Create a new {@link ActorsEndpoint} instance.
	 * @param system the actor system to expose
	 * @param bridge the Bridge that stops actors
	 * @param actorBeans the registry that knows the tag of each actor
	 * @param stopTimeout how long to wait for actors to confirm that they stopped
	 */
	public ActorsEndpoint(ActorSystem system, Bridge bridge, ActorBeans actorBeans, Duration stopTimeout) {
		Assert.notNull(system, "'system' must not be null");
		Assert.notNull(bridge, "'bridge' must not be null");
		Assert.notNull(actorBeans, "'actorBeans' must not be null");
		Assert.notNull(stopTimeout, "'stopTimeout' must not be null");
		this.system = system;
		this.bridge = bridge;
		this.actorBeans = actorBeans;
		this.stopTimeout = stopTimeout;
	}

	/**
	 * Describe every live actor.
	 * @return the actors, sorted by name, and the dead-letter count
	 */
	@ReadOperation
	public ActorsDescriptor actors() {
		List<ActorInfo> actors = new ArrayList<>(this.system.actors());
		actors.sort(BY_NAME);
		List<ActorDescriptor> descriptors = new ArrayList<>(actors.size());
		for (ActorInfo actor : actors) {
			descriptors.add(describe(actor));
		}
		return new ActorsDescriptor(descriptors, this.system.deadLetterCount());
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
	 * Stop every live actor gracefully, and wait, under one deadline, for them to
	 * confirm.
	 * @return what happened to each actor, sorted by name
	 */
	@DeleteOperation
	public StopsDescriptor stopAll() {
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
	 * @param actors the live actors, sorted by name
	 * @param deadLetters the number of dead letters since the actor system started
	 */
	public record ActorsDescriptor(List<ActorDescriptor> actors, long deadLetters) implements OperationResponseBody {

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
