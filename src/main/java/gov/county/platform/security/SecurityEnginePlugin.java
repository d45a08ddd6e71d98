package gov.county.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.StartContract;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The platform's security inside the engine, installed before it starts: the start guard on every
 * command a caller issues; PBKDF2 password hashes and the password policy; the identity provider
 * with expiring lockouts and audited sign-ins; the audit of what users change through the engine;
 * and system administrators who hold only the rights granted to them.
 */
@Component
class SecurityEnginePlugin implements ProcessEnginePlugin {

	private final ObjectProvider<StartContract> contracts;

	private final SecurityProperties security;

	private final AuditTrail audit;

	private final JdbcTemplate jdbc;

	SecurityEnginePlugin(ObjectProvider<StartContract> contracts, SecurityProperties security, AuditTrail audit,
			JdbcTemplate jdbc) {
		this.contracts = contracts;
		this.security = security;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new StartGuard(this.contracts));
		interceptors.add(new HistoryDeletions(this.audit));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);

		Pbkdf2Passwords passwords = new Pbkdf2Passwords(this.security.signIn().passwordIterations());
		configuration.setPasswordEncryptor(passwords);
		configuration.setEnablePasswordPolicy(true);
		configuration.setPasswordPolicy(new PasswordRules());
		configuration.setLoginMaxAttempts(this.security.signIn().maxAttempts());
		configuration.setIdentityProviderSessionFactory(
				new SignIns(this.security.signIn(), this.audit, passwords, this.jdbc));

		List<HistoryEventHandler> handlers = new ArrayList<>(configuration.getCustomHistoryEventHandlers());
		handlers.add(new AuditedOperations(this.audit));
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	/**
	 * Camunda makes members of {@code camunda-admin} pass every authorization check. The platform
	 * separates the system, security and audit administrators (三员分立), so system administrators
	 * hold what is granted to their group and no more (see {@code AuthorizationSetup}).
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getAdminGroups().remove(WellKnownGroups.ADMINS);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
	}

}
