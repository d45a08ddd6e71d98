package gov.county.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

import gov.county.platform.engine.EngineCommands;
import gov.county.platform.engine.StartContract;
import gov.county.platform.organization.WellKnownGroups;

/**
 * Every start a caller makes, whatever the path (engine REST, the webapps' engine API, Tasklist's
 * start form, the platform API), is a start at the process's start event with the variables the
 * process declares, and the platform numbers the case. Only system administrators may start a
 * process at a chosen step, skip its listeners or mappings, choose the business key, pass other
 * variables, or create instances by message, signal, condition or restart: otherwise a clerk could
 * open an instance in the middle of another unit's case under that case's number.
 * <p>
 * Checks the commands a caller issues, not those the platform's own steps issue while a command
 * runs (a survey starting its rectifications), nor those of timers and jobs, which have no user.
 */
class StartGuard extends CommandInterceptor {

	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	private final ObjectProvider<StartContract> contracts;

	StartGuard(ObjectProvider<StartContract> contracts) {
		this.contracts = contracts;
	}

	@Override
	public <T> T execute(Command<T> command) {
		int[] level = this.depth.get();
		if (level[0] == 0) {
			check(command);
		}
		level[0]++;
		try {
			return this.next.execute(command);
		}
		finally {
			level[0]--;
		}
	}

	private void check(Command<?> command) {
		Authentication caller = Context.getCommandContext().getAuthentication();
		if (caller == null || caller.getUserId() == null || isSystemAdministrator(caller)) {
			return;
		}
		if (EngineCommands.startsOtherwise(command)) {
			throw refused(caller, "只有系统管理员可以在流程中途启动、跳过监听器或映射，或经消息、信号、条件、重启创建流程实例。"
					+ " Only system administrators may start a process at a chosen step (startInstructions, "
					+ "skipCustomListeners, skipIoMappings), restart one, or create instances by message, signal or condition.");
		}
		EngineCommands.of(command).ifPresent(start -> check(caller, start));
	}

	private void check(Authentication caller, EngineCommands.Start start) {
		if (start.businessKey() != null && !start.businessKey().isBlank()) {
			throw refused(caller, "案件编号由平台生成，启动时不能指定。 The platform numbers cases: a start may not "
					+ "choose its business key ('" + start.businessKey() + "').");
		}
		Set<String> declared = contract(start.processKey()).map(StartContract::variables).orElse(Set.of());
		Set<String> undeclared = new TreeSet<>(start.variables().keySet());
		undeclared.removeAll(declared);
		if (!undeclared.isEmpty()) {
			throw refused(caller, "启动变量不被接受 Start variables not accepted for " + start.processKey() + ": "
					+ undeclared + "; a start may carry " + new TreeSet<>(declared) + ".");
		}
	}

	private Optional<StartContract> contract(String processKey) {
		return this.contracts.stream().filter(c -> c.processKey().equals(processKey)).findFirst();
	}

	static boolean isSystemAdministrator(Authentication caller) {
		List<String> groups = caller.getGroupIds();
		return groups != null && groups.contains(WellKnownGroups.ADMINS);
	}

	private static AuthorizationException refused(Authentication caller, String message) {
		return new AuthorizationException(caller.getUserId() + ": " + message);
	}

}
