package gov.county.platform.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation chart, from {@code organization.yaml} (shipped) or the county's own file named by
 * {@code PLATFORM_ORG_CHART}. A chart that breaks a rule stops the start with the unit at fault.
 */
@Validated
@ConfigurationProperties("platform.organization")
public record OrganizationProperties(String county, @NotEmpty @Valid List<Unit> units) {

	public OrganizationProperties {
		units = units == null ? List.of() : List.copyOf(units);
		Set<String> seen = new HashSet<>();
		for (Unit unit : units) {
			if (unit.id() != null && !seen.add(unit.id())) {
				throw new IllegalArgumentException("organisation chart: unit '" + unit.id() + "' is listed twice");
			}
			if (unit.id() != null && unit.type() != null) {
				boolean prefixed = unit.id().startsWith("township-") || unit.id().startsWith("dept-");
				if (unit.type() == UnitType.TOWNSHIP && !unit.id().startsWith("township-")) {
					throw new IllegalArgumentException(
							"organisation chart: township '" + unit.id() + "' must have an id starting with township-");
				}
				if (unit.type() == UnitType.DEPARTMENT && !unit.id().startsWith("dept-")) {
					throw new IllegalArgumentException(
							"organisation chart: department '" + unit.id() + "' must have an id starting with dept-");
				}
				if (unit.type() == UnitType.COUNTY && prefixed) {
					throw new IllegalArgumentException("organisation chart: county office '" + unit.id()
							+ "' must not use the township- or dept- prefix");
				}
			}
			if (WellKnownGroups.SYSTEM_GROUPS.contains(unit.id())) {
				throw new IllegalArgumentException(
						"organisation chart: '" + unit.id() + "' is a system group, not a unit");
			}
		}
		for (String fixed : List.of(WellKnownGroups.COUNTY_PLATFORM, WellKnownGroups.SUPERVISION_OFFICE,
				WellKnownGroups.COUNTY_LEADERS)) {
			if (!units.isEmpty() && !seen.contains(fixed)) {
				throw new IllegalArgumentException("organisation chart: the county office '" + fixed + "' is missing");
			}
		}
	}

	public Optional<Unit> unit(String id) {
		return this.units.stream().filter(u -> u.id().equals(id)).findFirst();
	}

}
