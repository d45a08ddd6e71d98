package gov.county.platform.cases;

import org.springframework.stereotype.Component;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;

/**
 * What every process's step rules work with, in one place: case numbers, the ledger, the case's
 * state and the recorder of decisions, escalations, notices, the time limits, the working-day
 * calendar and the organisation chart.
 */
@Component
public record Cases(CaseNumberService caseNumbers, LedgerService ledger, CaseStates states, CaseRecorder recorder,
		Escalations escalations, CaseNotices notices, TimeLimits limits, WorkingDayCalendar calendar,
		Directory directory) {

	/** Whether {@code id} is a township or department of the chart (not a county office). */
	public boolean isHandlingUnit(String id) {
		return id != null && this.directory.unit(id).isPresent() && !WellKnownGroups.OVERSIGHT.contains(id);
	}

	/** A unit's name from the organisation chart, or its id when the chart does not have it. */
	public String unitName(String unit) {
		return this.directory.unit(unit).map(Unit::name).orElse(unit);
	}

}
