package io.actorbeans.sample.web;

import java.util.ArrayList;
import java.util.List;

import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.MailboxFullException;
import io.actorbeans.cluster.ClusterUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the service into an RFC 9457 problem detail that names the
 * culprit: the JSON path or parameter of invalid input ({@code 400}), the actor that has
 * stopped or is out of reach of this replica ({@code 503}) or did not reply in time
 * ({@code 504}), with the actor's name in an {@code actor} property. Spring MVC's own
 * errors (unknown path, unsupported media type, ...) are problem details too, by
 * {@link ResponseEntityExceptionHandler}. No answer carries a stack trace.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail actorStopped(ActorStoppedException ex) {
		return actorProblem(HttpStatus.SERVICE_UNAVAILABLE, ex.actor(), "Actor '" + ex.actor() + "' has stopped");
	}

	@ExceptionHandler
	ProblemDetail callTimedOut(CallTimeoutException ex) {
		return actorProblem(HttpStatus.GATEWAY_TIMEOUT, ex.actor(), "Actor '" + ex.actor() + "' did not reply in time");
	}

	@ExceptionHandler
	ProblemDetail clusterUnavailable(ClusterUnavailableException ex) {
		return actorProblem(HttpStatus.SERVICE_UNAVAILABLE, ex.actor(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail shuttingDown(ActorSystemShutdownException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is shutting down: " + ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail mailboxFull(MailboxFullException ex) {
		return actorProblem(HttpStatus.SERVICE_UNAVAILABLE, ex.actor(), "Actor '" + ex.actor() + "' is too busy");
	}

	@ExceptionHandler
	ProblemDetail handlerFailed(HandlerFailedException ex) {
		this.logger.error("An actor's handler failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An actor failed to handle the request; the server log has the details");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		this.logger.error("Unexpected failure", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Unexpected failure; the server log has the details");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, headers, status, request, RequestBodyProblems.describe(ex));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(describe(error.getField(), error.getRejectedValue(), error));
		}
		return problem(ex, headers, status, request, String.join("; ", errors.stream().sorted().toList()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String parameter = String.valueOf(result.getMethodParameter().getParameterName());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(describe(parameter, result.getArgument(), error));
			}
		}
		return problem(ex, headers, status, request, String.join("; ", errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Class<?> type = ex.getRequiredType();
		String expected = (type == int.class || type == Integer.class) ? "an integer"
				: (type != null) ? "a value of type " + type.getSimpleName() : "another value";
		return problem(ex, headers, status, request,
				ex.getPropertyName() + ": expected " + expected + ", got '" + ex.getValue() + "'");
	}

	private @Nullable ResponseEntity<Object> problem(Exception ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request, String detail) {
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
	}

	private static ProblemDetail actorProblem(HttpStatus status, String actor, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("actor", actor);
		return problem;
	}

	/**
	 * One invalid input: its name, the rule it broke, and the value it had when that is a
	 * short scalar.
	 */
	private static String describe(String name, @Nullable Object value, MessageSourceResolvable error) {
		String description = name + ": " + error.getDefaultMessage();
		if (value instanceof Number || (value instanceof CharSequence text && text.length() <= 100)) {
			description += ", got '" + value + "'";
		}
		return description;
	}

}
