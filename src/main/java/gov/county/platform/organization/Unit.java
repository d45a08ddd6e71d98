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
 */
public record Unit(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "must be lower-case letters and digits joined by hyphens") String id,
		@NotBlank @Size(max = 100) String name, @NotNull UnitType type, @NotNull SurveyCategory category,
		@Size(max = 64) String head) {
}
