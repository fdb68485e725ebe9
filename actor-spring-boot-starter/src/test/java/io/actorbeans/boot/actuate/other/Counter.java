package io.actorbeans.boot.actuate.other;

import io.actorbeans.Handles;

/**
 * A counter actor whose class has the simple name of another test actor's.
 */
public class Counter {

	private int count;

	@Handles
	int count(String request) {
		return ++this.count;
	}

}
