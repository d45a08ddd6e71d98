package gov.county.platform.organization;

/** The satisfaction-survey category a unit is ranked in (docs/processes.md). */
public enum SurveyCategory {

	/** Vertically managed: results go to the supervising department. */
	VERTICAL,
	/** Party and mass organisations. */
	PARTY_MASS,
	/** Government functional departments (and townships). */
	GOVERNMENT

}
