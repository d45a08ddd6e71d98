package gov.county.platform.card;

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
		return this.intake.file(card).created();
	}

}
