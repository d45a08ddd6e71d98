package gov.county.platform.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.security.PlatformUser;

/**
 * {@code POST /api/cards}, {@code /api/rectifications}, {@code /api/surveys}: files a case of the
 * process registered for that path ({@link CaseFiling}); 201 with its case number and a
 * {@code Location} at {@code /api/cases/{caseNo}}, or 400 naming every field at fault. A path no
 * process files under answers 405, as any other resource that takes no POST.
 */
@RestController
class FilingController {

	private final Map<String, CaseFiling> filings;

	FilingController(List<CaseFiling> filings) {
		this.filings = filings.stream().collect(Collectors.toMap(CaseFiling::collection, Function.identity()));
	}

	@PostMapping("/api/{collection}")
	ResponseEntity<Map<String, String>> file(@PathVariable String collection, PlatformUser caller,
			@RequestBody(required = false) Map<String, Object> body) throws HttpRequestMethodNotSupportedException {
		CaseFiling filing = this.filings.get(collection);
		if (filing == null) {
			throw new HttpRequestMethodNotSupportedException("POST");
		}
		return filing.file(body == null ? Map.of() : body, caller).created();
	}

}
