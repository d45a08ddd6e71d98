package gov.county.platform.survey;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's sample survey, once into an empty platform: started and its results entered by
 * the county platform's clerk, so it is finished — ranked, the vertical unit reported, and a
 * rectification opened for each last-ranked unit (their plans and admonishment talks wait in Tasklist).
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
class DemoSurveys {

	private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);

	private final SurveyIntake intake;

	private final HistoryService history;

	private final IdentityService identity;

	DemoSurveys(SurveyIntake intake, HistoryService history, IdentityService identity) {
		this.intake = intake;
		this.history = history;
		this.identity = identity;
	}

	@Order(30)
	@EventListener(ApplicationReadyEvent.class)
	public void surveyOnce() {
		if (this.history.createHistoricProcessInstanceQuery().processDefinitionKey(SurveyProcess.KEY).count() > 0) {
			return;
		}
		this.identity.setAuthentication("county-platform-clerk", List.of("county-platform"));
		try {
			gov.county.platform.cases.CaseIntake.Filed survey = this.intake.start(null);
			List<Map<String, Object>> results = List.of(row("dept-housing", "91.5"), row("dept-commerce", "88"),
					row("dept-civil-affairs", "86"), row("dept-natural-resources", "84"), row("dept-transport", "80.5"),
					row("dept-emergency", "83"), row("township-labao", "79"), row("township-baipeng", "87"),
					row("township-chengtuan", "85"), row("dept-youth-league", "90"), row("dept-womens-federation", "82"),
					row("dept-public-security", "78"));
			SurveyIntake.Ranked ranked = this.intake.enterResults(survey.caseNo(), results);
			log.info("Demo profile: sample survey {} finished; rectifications {}", survey.caseNo(),
					ranked.rectifications());
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private static Map<String, Object> row(String unit, String score) {
		return Map.of("unit", unit, "score", score);
	}

}
