package io.actorbeans.sample.web;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Describes why a JSON request body could not be read, naming the culprit: the missing
 * body, the place of a syntax error, or the JSON path of a value of the wrong type
 * ({@code values[1]: expected an integer, got a string}).
 * <p>
 * Thread-safe: stateless.
 *
 * @since 0.1.0
 */
final class RequestBodyProblems {

	private RequestBodyProblems() {
	}

	/**
	 * Describe an unreadable request body.
	 * @param ex what Spring MVC threw
	 * @return the problem's detail
	 */
	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return path(unknown) + ": unknown property; the known ones are " + unknown.getKnownPropertyIds();
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return path(mismatch) + ": expected " + expected(mismatch.getTargetType())
					+ found(mismatch.getCurrentToken());
		}
		if (cause instanceof InputCoercionException coercion) {
			return path(coercion) + ": " + firstLine(coercion.getOriginalMessage());
		}
		if (cause instanceof StreamReadException malformed) {
			return "Malformed JSON" + at(malformed.getLocation()) + ": " + firstLine(malformed.getOriginalMessage());
		}
		if (cause instanceof JacksonException unreadable) {
			return "Unreadable JSON: " + firstLine(unreadable.getOriginalMessage());
		}
		if (cause == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
			return "The request body is missing";
		}
		return "Unreadable request body: " + firstLine(String.valueOf(ex.getMessage()));
	}

	private static String path(JacksonException ex) {
		return path(ex.getPath());
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "request body" : path.toString();
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "another value";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type == String.class) {
			return "a string";
		}
		return "an object";
	}

	private static String found(@Nullable JsonToken token) {
		if (token == null) {
			return "";
		}
		return switch (token) {
			case VALUE_STRING -> ", got a string";
			case VALUE_NUMBER_INT -> ", got an integer";
			case VALUE_NUMBER_FLOAT -> ", got a decimal number";
			case VALUE_TRUE, VALUE_FALSE -> ", got a boolean";
			case VALUE_NULL -> ", got null";
			case START_OBJECT -> ", got an object";
			case START_ARRAY -> ", got an array";
			default -> "";
		};
	}

	private static String at(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/**
	 * The first line of a Jackson message, without the parenthesis that would point into
	 * the source (which Jackson redacts anyway).
	 */
	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "no details";
		}
		int end = message.indexOf('\n');
		String line = (end < 0) ? message : message.substring(0, end);
		int source = line.indexOf("[Source:");
		int parenthesis = (source < 0) ? -1 : line.lastIndexOf('(', source);
		return (parenthesis < 0) ? line : line.substring(0, parenthesis).trim();
	}

}
