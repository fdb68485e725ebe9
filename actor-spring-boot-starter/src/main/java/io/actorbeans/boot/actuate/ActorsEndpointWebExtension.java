package io.actorbeans.boot.actuate;

import io.actorbeans.boot.actuate.ActorsEndpoint.StopDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} for the {@link ActorsEndpoint}: over
 * HTTP, a request to stop an actor that does not exist, a child actor
 * ({@code /actuator/actors/parent/child}) included, is answered {@code 404 Not Found} (a
 * delete operation that returns {@code null} would otherwise answer
 * {@code 204 No Content}).
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = ActorsEndpoint.class)
public class ActorsEndpointWebExtension {

	private final ActorsEndpoint delegate;

	/**
	 * Create a new {@link ActorsEndpointWebExtension} instance.
	 * @param delegate the endpoint it extends
	 */
	public ActorsEndpointWebExtension(ActorsEndpoint delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	/**
	 * Stop one actor gracefully, and wait for it to confirm. The selector matches the
	 * endpoint's, every remaining path segment, so that this operation replaces the
	 * endpoint's for every actor name.
	 * @param name the actor's name, as its path segments
	 * @return what happened, or {@code 404} if no live actor has the name
	 * @see ActorsEndpoint#stop(String...)
	 */
	@DeleteOperation
	public WebEndpointResponse<StopDescriptor> stop(@Selector(match = Match.ALL_REMAINING) String... name) {
		StopDescriptor result = this.delegate.stop(name);
		return (result != null) ? new WebEndpointResponse<>(result)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
