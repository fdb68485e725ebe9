package io.actorbeans.boot;

import io.actorbeans.DeadLetter;

import org.springframework.context.ApplicationEvent;

/**
 * Published for each {@link DeadLetter} of the application's actor system. Listeners run
 * on the thread that found the dead letter, so they should be quick.
 *
 * @since 0.1.0
 */
public class DeadLetterEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient DeadLetter deadLetter;

	/**
	 * Create an event.
	 * @param source the actor system
	 * @param deadLetter the dead letter
	 */
	public DeadLetterEvent(Object source, DeadLetter deadLetter) {
		super(source);
		this.deadLetter = deadLetter;
	}

	/**
	 * The dead letter.
	 * @return the dead letter
	 */
	public DeadLetter getDeadLetter() {
		return this.deadLetter;
	}

}
