package gov.county.platform.security;

import java.util.List;

import gov.county.platform.organization.WellKnownGroups;

/** The caller of the platform API: a Camunda user and the groups (units) they belong to. */
public record PlatformUser(String id, List<String> groups) {

	public PlatformUser {
		groups = List.copyOf(groups);
	}

	/** Members of the county offices, auditors and admins see every case, not only their unit's. */
	public boolean isOversight() {
		return this.groups.stream().anyMatch(WellKnownGroups.OVERSIGHT::contains);
	}

	/** Members of the county platform, the supervision office and the county leaders. */
	public boolean isCountyOffice() {
		return this.groups.stream().anyMatch(WellKnownGroups.COUNTY_OFFICES::contains);
	}

}
