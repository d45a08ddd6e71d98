package gov.county.platform.card;

import java.util.List;

/** A card, or a task's completion, that breaks a rule; nothing of it was stored. */
public class InvalidCardException extends RuntimeException {

	private final List<CardProblem> problems;

	public InvalidCardException(List<CardProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public InvalidCardException(String field, String message) {
		this(List.of(new CardProblem(field, message)));
	}

	public List<CardProblem> problems() {
		return this.problems;
	}

}
