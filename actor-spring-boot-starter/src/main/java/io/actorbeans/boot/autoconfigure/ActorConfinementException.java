package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;

import org.springframework.beans.FatalBeanException;

/**
 * Thrown when a bean asks to be injected with an actor bean itself, or when code calls a
 * method of an actor bean that it looked up from the context: its methods would run
 * outside the actor's mailbox, on the caller's thread.
 *
 * @since 0.1.0
 */
public class ActorConfinementException extends FatalBeanException {

	private static final long serialVersionUID = 1L;

	private final String actorBeanName;

	private final String actorName;

	/**
	 * Create an exception.
	 * @param actorBeanName the name of the actor bean that was asked for
	 * @param actorName the name of its actor
	 * @param injectionPoint where it was asked for
	 */
	public ActorConfinementException(String actorBeanName, String actorName, String injectionPoint) {
		super("Cannot inject actor bean '" + actorBeanName + "' into " + injectionPoint
				+ ": an actor's bean is confined to its actor, so that every call goes through its mailbox");
		this.actorBeanName = actorBeanName;
		this.actorName = actorName;
	}

	/**
	 * Create an exception for a call of an actor bean's method from outside its actor.
	 * @param actorBeanName the name of the actor bean that was called
	 * @param actorName the name of its actor
	 * @param method the method called
	 */
	public ActorConfinementException(String actorBeanName, String actorName, Method method) {
		super("Cannot call " + method.getDeclaringClass().getName() + "." + method.getName() + " on actor bean '"
				+ actorBeanName + "' as looked up from the context: an actor's bean is confined to its actor, "
				+ "so that every call goes through its mailbox; send a message to its ActorRef (@Qualifier(\""
				+ actorName + "\") ActorRef), or use the Bridge for a reply");
		this.actorBeanName = actorBeanName;
		this.actorName = actorName;
	}

	/**
	 * The actor bean that was asked for.
	 * @return its bean name
	 */
	public String getActorBeanName() {
		return this.actorBeanName;
	}

	/**
	 * The name of its actor, the qualifier of its {@code ActorRef} bean.
	 * @return the actor's name
	 */
	public String getActorName() {
		return this.actorName;
	}

}
