package gov.county.platform.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import gov.county.platform.ledger.LedgerService;
import gov.county.platform.ledger.LedgerVerification;

/**
 * Runs around every Spring test class. Several test contexts (H2, PostgreSQL, restarts) live in one JVM, each with an engine named
 * "default"; Camunda's REST API and webapps find their engine through a JVM-wide registry by that
 * name. Before each test class, the engine of the class's own context is made the registered one.
 */
public class EngineRegistration implements TestExecutionListener, Ordered {

	@Override
	public void prepareTestInstance(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
			ProcessEngines.registerProcessEngine(engine);
			// the webapps look engines up in the runtime container, where a closed context of another
			// test (a second node, a restart) may have removed or replaced "default"
			RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
			ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
			if (registered != engine) {
				if (registered != null) {
					container.unregisterProcessEngine(registered);
				}
				container.registerProcessEngine(engine);
			}
			// the webapps keep their runtime in JVM-wide statics, which a context that closes clears:
			// a webapp servlet started afterwards (lazily, at its first request) would find none
			if (Admin.getRuntimeDelegate() == null) {
				Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
			}
			if (Cockpit.getRuntimeDelegate() == null) {
				Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
			}
			if (Tasklist.getRuntimeDelegate() == null) {
				Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
			}
			if (Welcome.getRuntimeDelegate() == null) {
				Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
			}
		}
	}

	/** No test class may leave a broken ledger behind: the chains verify after each one. */
	@Override
	public void afterTestClass(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			LedgerVerification verification = testContext.getApplicationContext()
				.getBean(LedgerService.class)
				.verify();
			if (!verification.ok()) {
				throw new AssertionError(testContext.getTestClass().getSimpleName() + " left the ledger broken: "
						+ verification.problem() + " " + verification.firstBroken());
			}
		}
	}

	@Override
	public int getOrder() {
		return 5000;
	}

}
