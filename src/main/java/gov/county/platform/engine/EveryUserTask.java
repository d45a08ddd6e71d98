package gov.county.platform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the platform's {@link OnEveryUserTask} listeners to every user task of every process, after
 * the diagram's own listeners, when a diagram is deployed or read: a new process gets them without
 * naming them in Modeler. The one place that hooks into the engine's diagram parsing.
 */
@Component
class EveryUserTask extends AbstractProcessEnginePlugin {

	private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
			TaskListener.EVENTNAME_ASSIGNMENT);

	private final ObjectProvider<OnEveryUserTask> listeners;

	EveryUserTask(ObjectProvider<OnEveryUserTask> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> after = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		after.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				for (String event : EVENTS) {
					task.addTaskListener(event, delegate -> dispatch(event, delegate));
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(after);
	}

	private void dispatch(String event, DelegateTask task) {
		this.listeners.orderedStream().filter(listener -> listener.events().contains(event)).forEach(listener -> listener.notify(task));
	}

}
