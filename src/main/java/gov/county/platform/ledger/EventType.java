package gov.county.platform.ledger;

/**
 * A kind of ledger event a process writes, with its names for people: each process declares its
 * own as an enum ({@code CardEvent}, {@code RectificationEvent}, {@code SurveyEvent}), registered as
 * {@link EventTypes}. The element template "Write to the ledger" offers exactly these
 * (generated at build time by {@code deployment/ElementTemplateChoices}).
 */
public interface EventType {

	/** As stored in the ledger, e.g. {@code FILED}. */
	String name();

	/** 中文名称, e.g. 登记. */
	String chinese();

	/** The English name, e.g. Filed. */
	String english();

	/** As a clerk reads it: {@code 登记 Filed}. */
	default String label() {
		return chinese() + " " + english();
	}

}
