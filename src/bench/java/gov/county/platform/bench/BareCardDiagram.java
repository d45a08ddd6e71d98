package gov.county.platform.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The interaction card's own diagram with the platform taken out: every service task runs a
 * delegate that does nothing, the time-limit decision is not evaluated, and no task or execution
 * listener runs, so no ledger entry, notification or rule check happens. Same user tasks, timers,
 * gateways and asynchronous continuation; the driver supplies the variables the listeners would set.
 */
final class BareCardDiagram {

	static final String KEY = "BareCardProcess";

	private BareCardDiagram() {
	}

	static BpmnModelInstance model() {
		BpmnModelInstance model;
		try (InputStream in = BareCardDiagram.class.getResourceAsStream("/processes/InteractionCardProcess.bpmn")) {
			if (in == null) {
				throw new IllegalStateException("processes/InteractionCardProcess.bpmn is not on the classpath");
			}
			model = Bpmn.readModelFromStream(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		Process process = model.getModelElementsByType(Process.class).iterator().next();
		process.setId(KEY);
		process.setName("Bare card (benchmark)");
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			task.setCamundaDelegateExpression(null);
			task.setCamundaClass(NoOp.class.getName());
		}
		for (SendTask task : model.getModelElementsByType(SendTask.class)) {
			task.setCamundaDelegateExpression(null);
			task.setCamundaClass(NoOp.class.getName());
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "decisionRef");
			task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "resultVariable");
			task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "mapDecisionResult");
			task.setCamundaClass(NoOp.class.getName());
		}
		List<ModelElementInstance> listeners = new ArrayList<>();
		listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
		listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
		for (ModelElementInstance listener : listeners) {
			listener.getParentElement().removeChildElement(listener);
		}
		Bpmn.validateModel(model);
		return model;
	}

	/** The delegate of every service task of the bare diagram. */
	public static final class NoOp implements JavaDelegate {

		@Override
		public void execute(DelegateExecution execution) {
			// deliberately nothing: the bare engine's cost is what is measured
		}

	}

}
