package gov.county.platform.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * What an engine command is about to do, read from the command itself: which process it starts
 * and how (REST, the webapps, start forms and Java all end in one of the engine's start commands),
 * and whose history it deletes. The only place that knows these commands. The engine keeps a command's arguments in fields without getters; they are read here by
 * name, and a field that is gone (another engine version) fails loudly instead of passing unchecked.
 */
public final class EngineCommands {

	/**
	 * A start at the process's start event.
	 *
	 * @param processKey the process id
	 * @param businessKey the business key the caller chose, or null
	 * @param variables the start variables
	 */
	public record Start(String processKey, String businessKey, Map<String, Object> variables) {
	}

	/** Commands that create instances otherwise than at the start event: a chosen step, a restart, an event. */
	private static final List<Class<?>> OTHER_STARTS = List.of(StartProcessInstanceAtActivitiesCmd.class,
			AbstractRestartProcessInstanceCmd.class, AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class,
			SignalEventReceivedCmd.class, EvaluateStartConditionCmd.class);

	private EngineCommands() {
	}

	/**
	 * Whether the command may create process instances other than at a start event: at a step
	 * chosen by the caller ({@code startInstructions}, with {@code skipCustomListeners} or
	 * {@code skipIoMappings}), by restarting, or by a message, signal or condition.
	 */
	public static boolean startsOtherwise(Command<?> command) {
		return OTHER_STARTS.stream().anyMatch(type -> type.isInstance(command));
	}

	/** The start the command makes at the start event; empty when it is no such command. Call inside a command. */
	public static Optional<Start> of(Command<?> command) {
		if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl builder = field(command, StartProcessInstanceCmd.class, "instantiationBuilder",
					ProcessInstantiationBuilderImpl.class);
			String key = builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
					: keyOf(builder.getProcessDefinitionId());
			return Optional.of(new Start(key, builder.getBusinessKey(),
					builder.getVariables() == null ? Map.of() : builder.getVariables()));
		}
		if (command instanceof SubmitStartFormCmd) {
			@SuppressWarnings("unchecked")
			Map<String, Object> variables = field(command, SubmitStartFormCmd.class, "variables", Map.class);
			return Optional.of(new Start(keyOf(field(command, SubmitStartFormCmd.class, "processDefinitionId", String.class)),
					field(command, SubmitStartFormCmd.class, "businessKey", String.class),
					variables == null ? Map.of() : variables));
		}
		return Optional.empty();
	}

	/** The process instances whose history the command deletes; none when it is no such command. */
	@SuppressWarnings("unchecked")
	public static List<String> historyDeletedOf(Command<?> command) {
		if (command instanceof DeleteHistoricProcessInstancesCmd) {
			List<String> ids = field(command, DeleteHistoricProcessInstancesCmd.class, "processInstanceIds", List.class);
			return ids == null ? List.of() : ids;
		}
		return List.of();
	}

	private static String keyOf(String processDefinitionId) {
		if (processDefinitionId == null) {
			return null;
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findProcessDefinitionFromCache(processDefinitionId);
		if (definition == null) {
			definition = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(processDefinitionId);
		}
		return definition.getKey();
	}

	private static <T> T field(Object command, Class<?> type, String name, Class<T> valueType) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return valueType.cast(field.get(command));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("The engine's " + type.getSimpleName() + " has no field '" + name
					+ "' any more: the platform cannot read what it does and refuses it", ex);
		}
	}

}
