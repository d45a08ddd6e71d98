package gov.county.platform.organization;

import java.util.Set;

/** The fixed group ids of the contract. Units of townships and departments come from the chart. */
public final class WellKnownGroups {

	public static final String COUNTY_PLATFORM = "county-platform";

	public static final String SUPERVISION_OFFICE = "supervision-office";

	public static final String COUNTY_LEADERS = "county-leaders";

	public static final String AUDITORS = "auditors";

	/** System administrators (系统管理员): users, units, deployments, operations; no grants, no deletion of history. */
	public static final String ADMINS = "camunda-admin";

	/** Security administrators (安全管理员): memberships, grants, password resets and unlocks. */
	public static final String SECURITY_ADMINS = "security-admins";

	/** Audit administrators (安全审计员): the audit trail, and the deletion of history. */
	public static final String AUDIT_ADMINS = "audit-admins";

	/** The county offices: they coordinate, supervise and lead, and see a case's submitter in full. */
	public static final Set<String> COUNTY_OFFICES = Set.of(COUNTY_PLATFORM, SUPERVISION_OFFICE, COUNTY_LEADERS);

	/** Groups whose members may read the whole ledger, not only their own unit's cases. */
	public static final Set<String> OVERSIGHT = Set.of(COUNTY_PLATFORM, SUPERVISION_OFFICE, COUNTY_LEADERS, AUDITORS,
			ADMINS, AUDIT_ADMINS);

	/** Groups that are not units: nobody's tasks are addressed to them. */
	public static final Set<String> SYSTEM_GROUPS = Set.of(AUDITORS, ADMINS, SECURITY_ADMINS, AUDIT_ADMINS);

	private WellKnownGroups() {
	}

}
