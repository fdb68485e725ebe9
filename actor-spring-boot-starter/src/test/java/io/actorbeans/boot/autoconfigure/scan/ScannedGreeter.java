package io.actorbeans.boot.autoconfigure.scan;

import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

/**
 * An actor found by component scanning, with a dependency injected by its constructor.
 */
@ActorComponent
public class ScannedGreeter {

	private final Salutation salutation;

	ScannedGreeter(Salutation salutation) {
		this.salutation = salutation;
	}

	@Handles
	String greet(String name) {
		return this.salutation.greet(name);
	}

}
