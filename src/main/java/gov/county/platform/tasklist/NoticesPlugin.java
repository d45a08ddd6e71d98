package gov.county.platform.tasklist;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * A Tasklist plugin: "通知 Notices" in Tasklist's header, with a count of the notices that are new
 * since the clerk last looked, opens the notices to the clerk and their units (warnings, urging
 * notices, notices of criticism, new tasks...), newest first, each with a link to the case's open task
 * the clerk may work on. Its front end is {@code plugin-webapp/county-notices/app/plugin.js}.
 */
public class NoticesPlugin extends AbstractTasklistPlugin {

	static final String ID = "county-notices";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(NoticesResource.class);
	}

}
