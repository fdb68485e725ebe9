package io.actorbeans.boot.test.app;

import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

/** Replies to a name with a greeting. */
@ActorComponent("greeter")
public class Greeter {

	@Handles
	String greet(String name) {
		return "Hello, " + name;
	}

}
