package io.actorbeans.boot.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the actor system: their names and key names.
 *
 * @since 0.1.0
 */
public enum ActorObservationDocumentation implements ObservationDocumentation {

	/**
	 * The handling of one message by an actor, from the start of its handler (inside the
	 * context the message carried) to its end.
	 */
	MESSAGE_PROCESS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultActorMessageObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return MessageLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * A call through the Bridge ({@code call}, {@code ask}, {@code multiCall}), from the
	 * request to the reply, the timeout or the failure.
	 */
	BRIDGE_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBridgeCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return BridgeLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low cardinality key names of {@link #MESSAGE_PROCESS}.
	 */
	public enum MessageLowCardinalityKeyNames implements KeyName {

		/**
		 * The actor's tag: a singleton or prototype actor bean's name, or {@code other}.
		 */
		ACTOR {
			@Override
			public String asString() {
				return "actor";
			}
		},

		/**
		 * The fully qualified class name of the message.
		 */
		MESSAGE_TYPE {
			@Override
			public String asString() {
				return "message.type";
			}
		},

		/**
		 * How the handling ended: {@code success}, {@code failure} or {@code unhandled}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The simple class name of what the handler threw, or {@code none}.
		 */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * Low cardinality key names of {@link #BRIDGE_CALL}.
	 */
	public enum BridgeLowCardinalityKeyNames implements KeyName {

		/**
		 * The called actor's tag, or {@code several} for a multi-call to actors of
		 * several tags.
		 */
		ACTOR {
			@Override
			public String asString() {
				return "actor";
			}
		},

		/**
		 * The Bridge operation: {@code call}, {@code ask} or {@code multi_call}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * How the call ended: {@code success}, {@code timeout}, {@code stopped},
		 * {@code unhandled}, {@code rejected} (a full mailbox) or {@code failure}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

	/**
	 * High cardinality key names of both observations.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The actor's name (for a multi-call, the names joined by commas).
		 */
		ACTOR_NAME {
			@Override
			public String asString() {
				return "actor.name";
			}
		}

	}

}
