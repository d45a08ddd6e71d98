package gov.county.platform.rectification;

import static gov.county.platform.cases.DelegateInputs.input;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.county.platform.cases.Steps;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/**
 * The rectification's service tasks and listeners, each a few lines over
 * {@link RectificationService}: map the variables in, call one rule, map the outcome back.
 */
@Configuration
class RectificationDelegates {

	/** The variables a caller may start it with (the start guard's list). */
	@Bean
	StartContract rectificationProcessStart() {
		return RectificationProcess.START;
	}

	/** The ledger events it writes, for the ledger task's check. */
	@Bean
	EventTypes rectificationEvents() {
		return RectificationProcess.EVENTS;
	}

	/** "Register (立案)": the case number (always the platform's), checks, FILED. */
	@Bean
	JavaDelegate registerRectificationDelegate(RectificationService rectification) {
		return Steps.register(rectification::newCaseNumber, rectification::register);
	}

	/** "Set plan deadline (定时限)": the decision's time limit becomes dueAt, warnAt, reprimandAt. */
	@Bean
	JavaDelegate requestPlanDelegate(RectificationService rectification) {
		return Steps.step(rectification::requestPlan);
	}

	/** "Publish commitment (公开承诺)": COMMITTED, the public list, the measures to implement. */
	@Bean
	JavaDelegate commitPlanDelegate(RectificationService rectification) {
		return Steps.step(rectification::commit);
	}

	/** A step of the plan's ladder; input parameter {@code level}: WARNED, URGED or REPRIMANDED. */
	@Bean
	JavaDelegate planEscalationDelegate(RectificationService rectification) {
		return execution -> rectification.escalatePlan(execution.getProcessBusinessKey(), input(execution, "level"),
				execution.getVariables());
	}

	/**
	 * A step of a measure's ladder; input parameter {@code level}: WARNED, URGED or CRITICIZED. A
	 * criticism leaves the reason for the admonishment talk that the diagram calls next.
	 */
	@Bean
	JavaDelegate measureEscalationDelegate(RectificationService rectification) {
		return execution -> execution.getProcessInstance()
			.setVariables(rectification
				.escalateMeasure(execution.getProcessBusinessKey(), input(execution, "level"), execution.getVariables())
				.variables());
	}

	/**
	 * On the start of each instance of the measure subprocess: its measure's fields and deadlines
	 * as local variables, so each measure's task and timers read their own.
	 */
	@Bean
	ExecutionListener measureStartListener(RectificationService rectification) {
		return execution -> {
			SpinJsonNode node = (SpinJsonNode) execution.getVariable(RectificationProcess.MEASURE_ELEMENT);
			@SuppressWarnings("unchecked")
			Map<String, Object> measure = node.mapTo(Map.class);
			Integer loopCounter = (Integer) execution.getVariable("loopCounter");
			execution.setVariablesLocal(rectification.enterMeasure(measure, loopCounter).variables());
		};
	}

	/** At the end event: CLOSED, and the public commitment reads fulfilled. */
	@Bean
	ExecutionListener rectificationClosing(RectificationService rectification) {
		return execution -> execution
			.setVariables(rectification.close(execution.getProcessBusinessKey()).variables());
	}

}
