package gov.county.platform.tasklist;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * A Tasklist plugin: beside a task's form, the tab "提交人 Submitter" shows the case number and the
 * submitter's name and contact — in full to the units handling the case and the county offices,
 * masked to everyone else — which the form itself, read from process variables that anyone with
 * Cockpit could read too, shows masked. Its front end is {@code plugin-webapp/case-details/app/plugin.js}.
 */
public class CaseDetailsPlugin extends AbstractTasklistPlugin {

	static final String ID = "case-details";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(CaseDetailsResource.class);
	}

}
