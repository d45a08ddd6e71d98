package gov.county.platform.organization;

/** What kind of unit a group is; stored as the Camunda group's type. */
public enum UnitType {

	TOWNSHIP, DEPARTMENT, COUNTY

}
