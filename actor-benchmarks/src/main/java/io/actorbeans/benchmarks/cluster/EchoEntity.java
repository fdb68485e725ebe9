package io.actorbeans.benchmarks.cluster;

import io.actorbeans.Handles;
import io.actorbeans.boot.EntityActor;

import org.springframework.beans.factory.annotation.Value;

/**
 * The actorbeans form of the echo entity: an {@code @EntityActor} bean, one per id,
 * placed by actor-cluster and called with {@code Bridge.call}. Its handler runs on the
 * local actor system of the node that hosts it, one message at a time.
 *
 * @since 0.1.0
 */
@EntityActor("echo")
public class EchoEntity {

	private final int port;

	/**
	 * Create the entity of one id. Called by the container.
	 * @param port the remoting port of this node
	 */
	public EchoEntity(@Value("${actorbeans.cluster.port}") int port) {
		this.port = port;
	}

	@Handles
	Echoed on(Echo echo) {
		return new Echoed(echo.seq(), this.port);
	}

	/**
	 * A request: the reply is an {@link Echoed} with the same number.
	 *
	 * @param seq the number of the request
	 */
	public record Echo(long seq) {
	}

}
