package gov.county.platform.cases;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.security.PlatformUser;

/** {@code GET /api/cases/{caseNo}}: a case with its state, open tasks, deadlines and ledger. */
@RestController
class CaseController {

	private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2,8}-\\d{4}-[0-9A-Z]{1,8}");

	private final CaseFiles cases;

	CaseController(CaseFiles cases) {
		this.cases = cases;
	}

	/** {@code ?reveal=true}: an auditor sees the submitter's data in full, recorded in the audit trail. */
	@GetMapping("/api/cases/{caseNo}")
	CaseView find(PlatformUser user, @PathVariable String caseNo,
			@RequestParam(defaultValue = "false") boolean reveal) {
		if (!CASE_NO.matcher(caseNo).matches()) {
			throw ApiProblem.badRequest("caseNo", "'caseNo' must be a case number such as HD-2026-000001");
		}
		return this.cases.find(caseNo, user, reveal, "GET /api/cases/" + caseNo)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "caseNo",
					"No case " + caseNo + " that you may see"));
	}

}
