package gov.county.platform.organization;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation chart for forms and integrations: {@code GET /api/units}. */
@RestController
class UnitController {

	private final OrganizationProperties organization;

	UnitController(OrganizationProperties organization) {
		this.organization = organization;
	}

	@GetMapping("/api/units")
	List<Unit> units() {
		return this.organization.units();
	}

}
