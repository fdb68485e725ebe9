package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorSystem;
import io.actorbeans.DeadLetter;
import io.actorbeans.DeadLetterListener;
import io.actorbeans.boot.DeadLetterEvent;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each dead letter of the actor system as a {@link DeadLetterEvent}.
 */
final class DeadLetterEventPublisher implements DeadLetterListener {

	private final ActorSystem system;

	private final ApplicationEventPublisher publisher;

	DeadLetterEventPublisher(ActorSystem system, ApplicationEventPublisher publisher) {
		this.system = system;
		this.publisher = publisher;
		system.addDeadLetterListener(this);
	}

	@Override
	public void onDeadLetter(DeadLetter deadLetter) {
		this.publisher.publishEvent(new DeadLetterEvent(this.system, deadLetter));
	}

}
