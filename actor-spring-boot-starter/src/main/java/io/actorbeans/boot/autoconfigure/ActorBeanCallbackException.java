package io.actorbeans.boot.autoconfigure;

import org.springframework.beans.factory.BeanInitializationException;

/**
 * Thrown while the application starts when an actor bean has a method that Spring would
 * call on a thread of its own, outside the actor's mailbox: an {@code @EventListener},
 * {@code @Scheduled}, {@code @Async} or messaging listener method, or an
 * {@code ApplicationListener}. Its message names the bean, the method and what to do
 * instead.
 * <p>
 * Immutable; thread-safe.
 *
 * @since 0.1.0
 */
public class ActorBeanCallbackException extends BeanInitializationException {

	private static final long serialVersionUID = 1L;

	private final String beanName;

	private final String callback;

	/**
	 * Create an exception.
	 * @param beanName the name of the actor bean
	 * @param callback the method or interface Spring would call, as the message shows it
	 * @param advice what to do instead
	 */
	public ActorBeanCallbackException(String beanName, String callback, String advice) {
		super("Actor bean '" + beanName + "' has " + callback
				+ ", which Spring would call on a thread of its own, outside the actor's mailbox, breaking "
				+ "its confinement: " + advice);
		this.beanName = beanName;
		this.callback = callback;
	}

	/**
	 * The actor bean.
	 * @return its bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The method or interface Spring would call.
	 * @return its description
	 */
	public String getCallback() {
		return this.callback;
	}

}
