package gov.county.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several test contexts (H2, PostgreSQL, restarts) live in one JVM, each with an engine named
 * "default"; Camunda's REST API and webapps find their engine through a JVM-wide registry by that
 * name. Before each test class, the engine of the class's own context is made the registered one.
 */
public class EngineRegistration implements TestExecutionListener, Ordered {

	@Override
	public void prepareTestInstance(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
		}
	}

	@Override
	public int getOrder() {
		return 5000;
	}

}
