package gov.county.platform.organization;

import java.util.Set;

/** The fixed group ids of the contract. Units of townships and departments come from the chart. */
public final class WellKnownGroups {

	public static final String COUNTY_PLATFORM = "county-platform";

	public static final String SUPERVISION_OFFICE = "supervision-office";

	public static final String COUNTY_LEADERS = "county-leaders";

	public static final String AUDITORS = "auditors";

	public static final String ADMINS = "camunda-admin";

	/** Groups whose members may read the whole ledger, not only their own unit's cases. */
	public static final Set<String> OVERSIGHT = Set.of(COUNTY_PLATFORM, SUPERVISION_OFFICE, COUNTY_LEADERS, AUDITORS,
			ADMINS);

	/** Groups that are not units: nobody's tasks are addressed to them. */
	public static final Set<String> SYSTEM_GROUPS = Set.of(AUDITORS, ADMINS);

	private WellKnownGroups() {
	}

}
