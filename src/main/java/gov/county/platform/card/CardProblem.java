package gov.county.platform.card;

/** What is wrong with a card's data: the field and a sentence a clerk understands. */
public record CardProblem(String field, String message) {
}
