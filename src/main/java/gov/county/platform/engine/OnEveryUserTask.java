package gov.county.platform.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener the platform runs on every user task of every process (Spring beans; see
 * {@link EveryUserTask}), after the diagram's own, for the events it names: create, update
 * (a date, name or priority changed) or assignment.
 */
public interface OnEveryUserTask extends TaskListener {

	Set<String> events();

}
