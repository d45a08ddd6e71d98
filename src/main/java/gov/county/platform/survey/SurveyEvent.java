package gov.county.platform.survey;

import gov.county.platform.ledger.EventType;

/**
 * The ledger events of the satisfaction survey (满意度测评), in the order a survey meets them; their names for
 * people in {@code ledger-events.properties}.
 */
public enum SurveyEvent implements EventType {

	FILED, RESULTS_ENTERED, RANKED, REPORTED, RECTIFICATION_STARTED, ORGANIZATIONAL_HANDLING, CLOSED

}
