package gov.county.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.StartContract;

/**
 * Keeps a person's data out of the engine's history: the history writes no value of a variable a
 * process declares personal (its {@link StartContract}). The full value a start carries lives
 * only until the case's registration has kept it in {@link PersonalData} and masked the variable,
 * in the same transaction, so the engine's tables never hold it.
 */
@Component
class PrivacyEnginePlugin implements ProcessEnginePlugin {

	private final ObjectProvider<StartContract> contracts;

	PrivacyEnginePlugin(ObjectProvider<StartContract> contracts) {
		this.contracts = contracts;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new WithoutPersonalData(this.contracts));
		handlers.addAll(configuration.getCustomHistoryEventHandlers());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
	}

	/** The engine's own history writer, passing over personal variables. */
	static final class WithoutPersonalData extends DbHistoryEventHandler {

		private final ObjectProvider<StartContract> contracts;

		private volatile Set<String> personal;

		WithoutPersonalData(ObjectProvider<StartContract> contracts) {
			this.contracts = contracts;
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!isPersonal(event)) {
				super.handleEvent(event);
			}
		}

		private boolean isPersonal(HistoryEvent event) {
			String name;
			if (event instanceof HistoricVariableUpdateEventEntity variable) {
				name = variable.getVariableName();
			}
			else if (event instanceof HistoricFormPropertyEventEntity property) {
				name = property.getPropertyId();
			}
			else {
				return false;
			}
			return personal().contains(event.getProcessDefinitionKey() + "/" + name);
		}

		/** "process/variable" of every personal variable, now and of earlier releases. */
		private Set<String> personal() {
			Set<String> known = this.personal;
			if (known == null) {
				known = this.contracts.stream()
					.flatMap(c -> java.util.stream.Stream.concat(c.personal().stream(), c.formerPersonal().stream())
						.map(variable -> c.processKey() + "/" + variable))
					.collect(Collectors.toUnmodifiableSet());
				this.personal = known;
			}
			return known;
		}

	}

}
