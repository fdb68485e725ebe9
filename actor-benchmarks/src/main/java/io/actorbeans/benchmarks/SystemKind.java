package io.actorbeans.benchmarks;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The systems compared, each opened fresh for every run.
 *
 * @since 0.1.0
 */
enum SystemKind {

	/** actorbeans, this project. */
	ACTORBEANS("actorbeans", ActorbeansContender::new),

	/** Apache Pekko 1.7.0, classic actors. */
	PEKKO("Pekko", PekkoContender::new),

	/** No actors: threads and JCTools queues, the physical limit. */
	RAW("raw limit", RawContender::new);

	private final String label;

	private final Supplier<Contender> factory;

	SystemKind(String label, Supplier<Contender> factory) {
		this.label = label;
		this.factory = factory;
	}

	/** The name in tables and charts. */
	String label() {
		return this.label;
	}

	/** The name in JSON and on the command line. */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Start a fresh instance of the system. */
	Contender open() {
		return this.factory.get();
	}

	/** How the system runs, for the report. */
	String settings() {
		return switch (this) {
			case ACTORBEANS -> ActorbeansContender.settings();
			case PEKKO -> PekkoContender.settings();
			case RAW -> "platform threads, JCTools SpscArrayQueue/MpscArrayQueue (capacity 65536), spin then yield";
		};
	}

}
