package io.actorbeans.benchmarks;

/**
 * A workload's answer was wrong: a message lost or reordered, a wrong sum or reply, or no
 * answer in time.
 *
 * @since 0.1.0
 */
public class WrongAnswerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	WrongAnswerException(String message) {
		super(message);
	}

}
