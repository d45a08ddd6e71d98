package gov.county.platform.api;

import java.util.List;

/**
 * Input that breaks a rule, from the API, a start form or a task's completion; nothing of it was
 * stored. Each problem names the field at fault in a sentence a clerk understands. The API answers
 * it as 400 {@code application/problem+json}; Tasklist shows the message.
 */
public class InvalidInput extends RuntimeException {

	/** One field at fault: {@code measures[1].deadline} and why. */
	public record Problem(String field, String message) {
	}

	private final List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("invalid input needs at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public InvalidInput(String field, String message) {
		this(List.of(new Problem(field, message)));
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** Throws when {@code problems} is not empty. */
	public static void throwIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

}
