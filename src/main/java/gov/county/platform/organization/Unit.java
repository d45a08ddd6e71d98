package gov.county.platform.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A unit of the organisation chart: a township, a department or a county-level office. It becomes a
 * Camunda group with the same id, whose type is the unit's type.
 *
 * @param id the group id: {@code township-<name>}, {@code dept-<name>} or a county office's id
 * @param name the unit's official name, shown to clerks
 * @param type township, department or county office
 * @param category the satisfaction-survey category
 * @param head the user id of the unit's head, who receives escalations
 * @param supervisingDepartment for a vertically managed unit: the department above it, outside the
 *        county (e.g. 市公安局), which receives its survey results
 * @param supervisingDepartmentEmail where that department receives them
 */
public record Unit(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "must be lower-case letters and digits joined by hyphens") String id,
		@NotBlank @Size(max = 100) String name, @NotNull UnitType type, @NotNull SurveyCategory category,
		@Size(max = 64) String head, @Size(max = 100) String supervisingDepartment,
		@Size(max = 200) @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be an e-mail address") String supervisingDepartmentEmail) {

}
