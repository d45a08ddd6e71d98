package gov.county.platform.survey;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.cases.CaseWork;

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

	private final CaseWork work;

	DemoSurveys(SurveyIntake intake, CaseWork work) {
		this.intake = intake;
		this.work = work;
	}

	@Order(30)
	@EventListener(ApplicationReadyEvent.class)
	public void surveyOnce() {
		if (this.work.anyOf(SurveyProcess.KEY)) {
			return;
		}
		this.work.as("county-platform-clerk", () -> {
			String survey = this.intake.start(null).caseNo();
			List<Map<String, Object>> results = List.of(row("dept-housing", "91.5"), row("dept-commerce", "88"),
					row("dept-civil-affairs", "86"), row("dept-natural-resources", "84"), row("dept-transport", "80.5"),
					row("dept-emergency", "83"), row("township-labao", "79"), row("township-baipeng", "87"),
					row("township-chengtuan", "85"), row("dept-youth-league", "90"), row("dept-womens-federation", "82"),
					row("dept-public-security", "78"));
			SurveyIntake.Ranked ranked = this.intake.enterResults(survey, results);
			log.info("Demo profile: sample survey {} finished; rectifications {}", survey, ranked.rectifications());
			return null;
		});
	}

	private static Map<String, Object> row(String unit, String score) {
		return Map.of("unit", unit, "score", score);
	}

}
