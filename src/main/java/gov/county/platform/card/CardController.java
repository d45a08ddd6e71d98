package gov.county.platform.card;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.security.PlatformUser;

/** {@code POST /api/cards}: files a card; 201 with its case number. */
@RestController
class CardController {

	private final CardIntake intake;

	CardController(CardIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/cards", consumes = "application/json")
	ResponseEntity<Map<String, String>> file(PlatformUser user, @RequestBody Map<String, Object> card) {
		CardIntake.Filed filed = this.intake.file(card);
		return ResponseEntity.created(URI.create("/api/cases/" + filed.caseNo()))
			.body(Map.of("caseNo", filed.caseNo(), "processInstanceId", filed.processInstanceId()));
	}

}
