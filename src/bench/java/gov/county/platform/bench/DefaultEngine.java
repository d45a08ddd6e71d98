package gov.county.platform.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * A bare Camunda engine at its default settings (only the history level raised to FULL, as the
 * platform runs it), on its own database: the yardstick for the tuning.
 */
final class DefaultEngine implements AutoCloseable {

	final ProcessEngine engine;

	DefaultEngine(Database database) {
		this.engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setProcessEngineName("bench-default-" + database.driver().hashCode())
			.setJdbcUrl(database.fresh("bench_default"))
			.setJdbcDriver(database.driver())
			.setJdbcUsername(database.user())
			.setJdbcPassword("")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false)
			.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("BareCardProcess.bpmn", BareCardDiagram.model())
			.deploy();
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
