package io.actorbeans.boot.autoconfigure.scan;

import org.springframework.stereotype.Component;

/**
 * A plain service that the scanned actor uses.
 */
@Component
public class Salutation {

	public String greet(String name) {
		return "Good day, " + name;
	}

}
