package io.actorbeans.sample.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the request's trace id to every problem detail the service answers, as a
 * {@code traceId} property: the id to look for in the logs, where the controller's and
 * the actors' lines of the request carry it too.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
class TraceIdProblemDetails implements ResponseBodyAdvice<Object> {

	private final Tracer tracer;

	TraceIdProblemDetails(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		Span span = this.tracer.currentSpan();
		if (body instanceof ProblemDetail problem && span != null) {
			problem.setProperty("traceId", span.context().traceId());
		}
		return body;
	}

}
