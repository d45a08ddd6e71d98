package gov.county.platform.survey;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.security.PlatformUser;

/**
 * {@code POST /api/surveys/{caseNo}/results} enters a survey's results as JSON {@code {"results": [{unit, score}]}} or as a CSV file
 * ({@code text/csv}, lines {@code unit,score}). A survey is started by hand with {@code POST /api/surveys}
 * ({@link SurveyIntake}).
 */
@RestController
class SurveyController {

	private final SurveyIntake intake;

	SurveyController(SurveyIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/surveys/{caseNo}/results", consumes = { "text/csv", "text/plain" })
	SurveyIntake.Ranked importCsv(PlatformUser user, @PathVariable String caseNo, @RequestBody String csv) {
		return found(caseNo, this.intake.enterResults(caseNo, SurveyIntake.fromCsv(csv)));
	}

	@PostMapping(path = "/api/surveys/{caseNo}/results", consumes = "application/json")
	SurveyIntake.Ranked enterJson(PlatformUser user, @PathVariable String caseNo,
			@RequestBody Map<String, Object> body) {
		return found(caseNo, this.intake.enterResults(caseNo, body.get(SurveyProcess.RESULTS.name())));
	}

	private static SurveyIntake.Ranked found(String caseNo, SurveyIntake.Ranked ranked) {
		if (ranked == null) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "caseNo",
					"No survey " + caseNo + " waiting for results that you may enter (the county platform enters them)");
		}
		return ranked;
	}

}
