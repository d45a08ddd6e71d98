package gov.county.platform.rectification;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.security.PlatformUser;

/** {@code POST /api/rectifications}: opens a rectification; 201 with its case number. */
@RestController
class RectificationController {

	private final RectificationIntake intake;

	RectificationController(RectificationIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/rectifications", consumes = "application/json")
	ResponseEntity<Map<String, String>> open(PlatformUser user, @RequestBody Map<String, Object> rectification) {
		return this.intake.file(rectification, user.groups()).created();
	}

}
