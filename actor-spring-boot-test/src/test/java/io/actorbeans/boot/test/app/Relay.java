package io.actorbeans.boot.test.app;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

import org.springframework.beans.factory.annotation.Qualifier;

/** Forwards every number it is sent, doubled, to the {@code recorder} actor. */
@ActorComponent("relay")
public class Relay {

	private final ActorRef recorder;

	Relay(@Qualifier("recorder") ActorRef recorder) {
		this.recorder = recorder;
	}

	@Handles
	void onNumber(Integer number, ActorContext context) {
		this.recorder.send(number * 2, context.self());
	}

}
