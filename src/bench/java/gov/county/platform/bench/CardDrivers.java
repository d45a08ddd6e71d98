package gov.county.platform.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import gov.county.platform.card.CardIntake;

/**
 * One card lifecycle, driven the way its users drive it through the Java API: filed, accepted,
 * dispatched to the receiving township, handled, replied to (the asynchronous step run as the job
 * executor would), reviewed, collated and rated satisfied. Each user task is completed by a member
 * of its unit with that user's authentication, as Tasklist would.
 */
final class CardDrivers {

	private static final Map<String, List<String>> GROUPS = new java.util.concurrent.ConcurrentHashMap<>();

	private CardDrivers() {
	}

	/** One lifecycle; throws when the case did not end where it should. */
	interface Lifecycle {

		void run();

	}

	static Map<String, Object> submission(String subject) {
		Map<String, Object> card = new HashMap<>();
		card.put("talk", "PUBLIC_SERVICE");
		card.put("kind", "REQUEST");
		card.put("subject", subject);
		card.put("content", "The lights on the village road have been out for a month.");
		card.put("submitterName", "王某");
		card.put("submitterContact", "wang@example.org");
		card.put("receivingUnit", "township-labao");
		card.put("channel", "HOTLINE");
		card.put("urgent", false);
		return card;
	}

	/** The platform's card: intake with numbering, rules, ledger, DMN and notifications. */
	static Lifecycle platform(ProcessEngine engine, CardIntake intake) {
		return () -> {
			String instance = as(engine, "township-labao-clerk",
					() -> intake.file(submission("村道路灯不亮 benchmark")).processInstanceId());
			Steps steps = new Steps(engine, instance);
			steps.complete("Task_AcceptCard", "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY");
			steps.complete("Task_DispatchCard", "township-labao-clerk", "leadUnit", "township-labao", "handUp", false);
			steps.complete("Task_HandleCard", "township-labao-clerk", "handling", "RESOLVED", "reply", "fixed");
			steps.runJob();
			steps.complete("Task_ReviewCard", "supervisor", "review", "PASS");
			steps.complete("Task_EvaluateCard", "county-platform-clerk", "satisfaction", "SATISFIED");
			steps.assertEnded();
		};
	}

	/**
	 * A card as a clerk of {@code unit} files it, accepted and dispatched to that unit, which now has
	 * it open at "handle and reply": its process instance id. A {@code claimed} card's task is
	 * claimed by that clerk.
	 */
	static String openAtHandling(ProcessEngine engine, CardIntake intake, String unit, boolean claimed) {
		String clerk = unit + "-clerk";
		Map<String, Object> card = submission("村道路灯不亮 benchmark");
		card.put("receivingUnit", unit);
		String instance = as(engine, clerk, () -> intake.file(card).processInstanceId());
		Steps steps = new Steps(engine, instance);
		steps.complete("Task_AcceptCard", clerk, "acceptance", "ACCEPT", "link", "EFFICIENCY");
		steps.complete("Task_DispatchCard", clerk, "leadUnit", unit, "handUp", false);
		if (claimed) {
			Task task = steps.task("Task_HandleCard");
			as(engine, clerk, () -> {
				engine.getTaskService().claim(task.getId(), clerk);
				return null;
			});
		}
		return instance;
	}

	/**
	 * The same diagram without the platform ({@link BareCardDiagram}): the variables the platform's
	 * listeners and delegates would set are given at start and with each completion.
	 */
	static Lifecycle bare(ProcessEngine engine) {
		String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		return () -> {
			Map<String, Object> start = submission("村道路灯不亮 benchmark");
			for (String deadline : List.of("acceptRemindAt", "dueAt", "warnAt", "reprimandAt", "evaluateDueAt", "coDueAt")) {
				start.put(deadline, future);
			}
			start.put("dissatisfiedCount", 0);
			start.put("extendedDays", 0);
			String instance = engine.getRuntimeService().startProcessInstanceByKey(BareCardDiagram.KEY, start).getId();
			Steps steps = new Steps(engine, instance);
			steps.complete("Task_AcceptCard", "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY");
			steps.complete("Task_DispatchCard", "township-labao-clerk", "leadUnit", "township-labao", "handUp", false,
					"needsCoordination", false, "hasCoUnits", false);
			steps.complete("Task_HandleCard", "township-labao-clerk", "handling", "RESOLVED", "reply", "fixed");
			steps.runJob();
			steps.complete("Task_ReviewCard", "supervisor", "review", "PASS");
			steps.complete("Task_EvaluateCard", "county-platform-clerk", "satisfaction", "SATISFIED");
			steps.assertEnded();
		};
	}

	private static <T> T as(ProcessEngine engine, String user, java.util.function.Supplier<T> action) {
		IdentityService identity = engine.getIdentityService();
		// a Tasklist session resolves the user's groups once at login, not per request
		List<String> groups = GROUPS.computeIfAbsent(engine.getName() + "/" + user, key -> identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList());
		identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private record Steps(ProcessEngine engine, String instance) {

		Task task(String taskKey) {
			Task task = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(this.instance)
				.taskDefinitionKey(taskKey)
				.singleResult();
			if (task == null) {
				throw new IllegalStateException("no open " + taskKey + " in " + this.instance);
			}
			return task;
		}

		void complete(String taskKey, String user, Object... variables) {
			Task task = task(taskKey);
			Map<String, Object> values = new HashMap<>();
			for (int i = 0; i < variables.length; i += 2) {
				values.put((String) variables[i], variables[i + 1]);
			}
			as(this.engine, user, () -> {
				this.engine.getTaskService().complete(task.getId(), values);
				return null;
			});
		}

		/** The reply's asynchronous continuation, executed as the job executor would. */
		void runJob() {
			Job job = this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(this.instance)
				.activityId("Task_SendReply")
				.singleResult();
			if (job == null) {
				throw new IllegalStateException("no reply job in " + this.instance);
			}
			this.engine.getManagementService().executeJob(job.getId());
		}

		void assertEnded() {
			if (this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(this.instance).count() != 0) {
				throw new IllegalStateException("the card " + this.instance + " did not end");
			}
		}

	}

}
