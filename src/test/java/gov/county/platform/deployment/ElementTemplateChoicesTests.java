package gov.county.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.county.platform.card.CardEvent;
import gov.county.platform.ledger.EventType;
import gov.county.platform.ledger.EventTypes;
import gov.county.platform.rectification.RectificationEvent;
import gov.county.platform.survey.SurveyEvent;

/**
 * The element templates an admin picks from in Camunda Modeler offer exactly what the code
 * declares: every ledger event of every process and every notification template, no more.
 */
class ElementTemplateChoicesTests {

	private static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");

	@Test
	void theCommittedTemplatesAreTheOnesGeneratedFromTheCode() throws IOException {
		String ledger = Files.readString(TEMPLATES.resolve(ElementTemplateChoices.LEDGER_TEMPLATE));
		String notify = Files.readString(TEMPLATES.resolve(ElementTemplateChoices.NOTIFY_TEMPLATE));

		assertThat(ElementTemplateChoices.ledgerTemplate(ledger, ElementTemplateChoices.PROCESSES))
			.as("ledger-entry.json: run the build (mvn process-classes) and commit it")
			.isEqualTo(ledger);
		assertThat(ElementTemplateChoices.notifyTemplate(notify,
				ElementTemplateChoices.noticeLabels(ElementTemplateChoices.shippedNotificationTemplates())))
			.as("notify.json: run the build (mvn process-classes) and commit it")
			.isEqualTo(notify);
	}

	@Test
	void everyEventOfEveryProcessAndEveryNoticeIsOffered() throws IOException {
		String ledger = Files.readString(TEMPLATES.resolve(ElementTemplateChoices.LEDGER_TEMPLATE));
		for (List<? extends EventType> events : List.of(List.of(CardEvent.values()), List.of(RectificationEvent.values()),
				List.of(SurveyEvent.values()))) {
			for (EventType event : events) {
				assertThat(ledger).contains("\"value\": \"" + event.name() + "\"",
						"\"name\": \"" + event.label() + " (" + event.name() + ")\"");
			}
		}
		String notify = Files.readString(TEMPLATES.resolve(ElementTemplateChoices.NOTIFY_TEMPLATE));
		assertThat(ElementTemplateChoices.noticeLabels(ElementTemplateChoices.shippedNotificationTemplates()))
			.hasSizeGreaterThanOrEqualTo(14)
			.allSatisfy((key, label) -> assertThat(notify).contains("\"name\": \"" + label + " (" + key + ")\"",
					"\"value\": \"" + key + "\""));
	}

	@Test
	void everyEventHasAChineseAndAnEnglishName() {
		for (EventTypes process : ElementTemplateChoices.PROCESSES) {
			assertThat(process.types()).as(process.processKey())
				.allSatisfy(type -> assertThat(type.named()).as(type.name() + " in ledger-events.properties").isTrue());
		}
	}

	@Test
	void aNoticeWithoutALabelIsListedByItsSubject() {
		String yaml = """
				platform:
				  notification:
				    templates:
				      hearing-scheduled:
				        subject: "[{caseNo}] 调解会通知 Mediation hearing: {subject}"
				        body: "..."
				""";
		assertThat(ElementTemplateChoices.noticeLabels(yaml)).containsEntry("hearing-scheduled",
				"调解会通知 Mediation hearing");
	}

	@Test
	void oneEventNamedTwoWaysByTwoProcessesIsRefused() {
		EventType filed = new EventType() {

			@Override
			public String name() {
				return "FILED";
			}

			@Override
			public String chinese() {
				return "立案";
			}

			@Override
			public String english() {
				return "Opened";
			}

		};
		List<EventTypes> processes = List.of(new EventTypes("InteractionCardProcess", List.of(CardEvent.FILED)),
				new EventTypes("DisputeMediationProcess", List.of(filed)));
		String ledger = "{\"properties\": [{\"choices\": [], \"binding\": {\"name\": \"event\"}}]}";

		assertThatThrownBy(() -> ElementTemplateChoices.ledgerTemplate(ledger, processes))
			.hasMessageContaining("FILED")
			.hasMessageContaining("DisputeMediationProcess");
	}

}
