package gov.county.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.StartContract;

/**
 * The platform's security inside the engine, installed before it starts: the start guard on every
 * command a caller issues.
 */
@Component
class SecurityEnginePlugin implements ProcessEnginePlugin {

	private final ObjectProvider<StartContract> contracts;

	SecurityEnginePlugin(ObjectProvider<StartContract> contracts) {
		this.contracts = contracts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new StartGuard(this.contracts));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
	}

}
