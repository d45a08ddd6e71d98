package gov.county.platform.survey;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.Steps;
import gov.county.platform.engine.Actor;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/** The survey's service tasks and listeners, each a few lines over {@link SurveyService}. */
@Configuration
class SurveyDelegates {

	/** The variables a caller may start it with (the start guard's list). */
	@Bean
	StartContract surveyProcessStart() {
		return SurveyProcess.START;
	}

	/** The ledger events it writes, for the ledger task's check. */
	@Bean
	EventTypes surveyEvents() {
		return SurveyProcess.EVENTS;
	}

	/** The half-yearly schedule's "Start satisfaction survey (发起测评)": a new survey instance. */
	@Bean
	JavaDelegate startSurveyDelegate(org.camunda.bpm.engine.RuntimeService runtime) {
		return execution -> runtime.startProcessInstanceByKey(SurveyProcess.KEY);
	}

	/** "Register survey (立项)": the number MY-YYYY-NN, the title, FILED. */
	@Bean
	JavaDelegate registerSurveyDelegate(SurveyService surveys) {
		return Steps.register(surveys::newCaseNumber,
				(caseNo, variables, actor) -> new Outcome(surveys.register(caseNo, variables, actor)));
	}

	/** "Rank units (排名)": the ranking, kept for the next survey; RANKED. */
	@Bean
	JavaDelegate rankSurveyDelegate(SurveyService surveys) {
		return Steps.step((caseNo, variables, actor) -> new Outcome(surveys.rank(caseNo, variables)));
	}

	/** "Report vertical units (报主管部门)": results to the supervising departments. */
	@Bean
	JavaDelegate reportVerticalUnitsDelegate(SurveyService surveys) {
		return execution -> surveys.reportVerticalUnits(execution.getProcessBusinessKey(), execution.getVariables());
	}

	/** "Start rectifications (限期整改)": one RectificationProcess per last-ranked unit. */
	@Bean
	JavaDelegate startSurveyRectificationsDelegate(SurveyService surveys) {
		return Steps.step((caseNo, variables, actor) -> new Outcome(surveys.startRectifications(caseNo, variables)));
	}

	/**
	 * On the survey's tasks: checks the results on completion (a refusal names the entry) and keeps
	 * them as {@code results} whether Tasklist's form or an API client sent them; gives a
	 * handling task its unit and records the leaders' decision.
	 */
	@Bean
	TaskListener surveyTaskListener(SurveyService surveys) {
		return task -> {
			String caseNo = task.getExecution().getProcessBusinessKey();
			boolean handling = SurveyProcess.TASK_ORGANIZATIONAL_HANDLING.equals(task.getTaskDefinitionKey());
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
				if (handling) {
					String unit = SurveyProcess.HANDLING_UNIT_NODE.from(task);
					task.setVariableLocal(SurveyProcess.HANDLING_UNIT.name(), unit);
					task.setVariableLocal(SurveyProcess.HANDLING_UNIT_NAME.name(), surveys.unitName(unit));
				}
				return;
			}
			Map<String, Object> submitted = task.getVariables();
			task.getExecution()
				.setVariables(surveys.completeTask(task.getTaskDefinitionKey(), caseNo, submitted, Actor.of(task))
					.variables());
			if (SurveyProcess.TASK_ENTER_RESULTS.equals(task.getTaskDefinitionKey())) {
				// the form's score fields live on as `results`, not as one loose variable per unit
				task.getExecution().removeVariables(ScoreFields.of(submitted).keySet());
			}
		};
	}

	@Bean
	ExecutionListener surveyClosing(SurveyService surveys) {
		return execution -> surveys.close(execution.getProcessBusinessKey());
	}

}
