package gov.county.platform.cockpit;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * A Cockpit plugin for auditors and the county offices: "Cases (案件)" in Cockpit's menu, a search
 * over every process's cases (running and finished: Cockpit Community Edition shows no history), a
 * case view with its ledger, the engine's history and its chain checked, a dashboard of open,
 * overdue and escalated cases per unit, and a tab on Cockpit's process-instance page that opens the
 * case. Its front end is {@code plugin-webapp/county-cases/app/plugin.js}.
 */
public class CasesCockpitPlugin extends AbstractCockpitPlugin {

	static final String ID = "county-cases";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(CasesCockpitResource.class);
	}

}
