package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.Cases;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.Ladder;
import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.TaskSteps;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.notification.NotificationTemplates;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.privacy.Masks;
import gov.county.platform.privacy.PersonalData;

/**
 * The rules of the interaction card: what each step requires, which ledger events it leaves, how
 * deadlines move, who is told. Delegates and listeners only map variables in and out of here.
 */
@Service
public class CardService {

	private final Cases cases;

	private final NotificationService notifications;

	private final TaskService tasks;

	private final PersonalData personalData;

	public CardService(Cases cases, NotificationService notifications, TaskService tasks,
			PersonalData personalData) {
		this.cases = cases;
		this.notifications = notifications;
		this.tasks = tasks;
		this.personalData = personalData;
	}

	/** A new card number, taken in the caller's (the intake's) transaction. */
	public String newCaseNumber() {
		return this.cases.caseNumbers().next(CASE_PREFIX);
	}

	/**
	 * Registers a card that just started: validates its data (the Tasklist start form has no other
	 * check), records FILED and sets the acceptance reminder.
	 */
	public Outcome register(String caseNo, Map<String, Object> variables, String actor) {
		Map<String, Object> card = CardSubmission.validate(
				filter(variables, CardSubmission.START_VARIABLES), this.cases.directory(), null);
		Instant now = EngineClock.now();
		Map<String, Object> out = new HashMap<>(card);
		out.put(CASE_NO.name(), caseNo);
		out.put(ACCEPT_REMIND_AT.name(),
				Deadlines.iso(this.cases.calendar().deadline(now, this.cases.limits().acceptanceReminderDays())));
		out.put(EXTENDED_DAYS.name(), 0);
		out.put(DISSATISFIED_COUNT.name(), 0);
		// the submitter's name and contact are kept by the platform; the process, its history and
		// Cockpit see them masked (PIPL)
		String name = (String) card.get(SUBMITTER_NAME.name());
		String contact = (String) card.get(SUBMITTER_CONTACT.name());
		Map<String, String> personal = new HashMap<>();
		personal.put(SUBMITTER_NAME.name(), name);
		personal.put(SUBMITTER_CONTACT.name(), contact);
		this.personalData.keep(caseNo, personal);
		out.put(SUBMITTER_NAME.name(), Masks.of(name));
		out.put(SUBMITTER_CONTACT.name(), Masks.of(contact));
		this.cases.states().open(caseNo, KEY, (String) card.get(RECEIVING_UNIT.name()), (String) card.get(SUBJECT.name()));
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, CardEvent.FILED, (String) card.get(RECEIVING_UNIT.name()), actor, null,
				card.get(KIND.name()) + " via " + card.get(CHANNEL.name()) + ": " + card.get(SUBJECT.name())));
		return new Outcome(out);
	}

	/** After the time-limit decision: the three deadlines from now, and CLASSIFIED. */
	public Outcome classify(String caseNo, Map<String, Object> variables, String actor) {
		Integer days = TIME_LIMIT_DAYS.from(variables);
		if (days == null || days < 1) {
			throw new IllegalStateException("the decision " + DECISION_TIME_LIMIT + " gave no time limit for kind "
					+ KIND.from(variables) + ", urgent " + URGENT.from(variables));
		}
		Instant now = EngineClock.now();
		Deadlines deadlines = Deadlines.start(this.cases.calendar(), this.cases.limits(), now, days);
		this.cases.states().setTimeLimit(caseNo, days);
		this.cases.states().startClock(caseNo, deadlines.dueAt().toInstant(), now);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, CardEvent.CLASSIFIED, RECEIVING_UNIT.from(variables), actor,
				deadlines.dueAt().toInstant(), "time limit " + days + " working days (" + KIND.from(variables)
						+ (Boolean.TRUE.equals(URGENT.from(variables)) ? ", urgent" : "") + "); link "
						+ LINK.from(variables)));
		return new Outcome(deadlines.asVariables());
	}

	/** The rule of each of the card's user tasks. */
	private static final TaskSteps<CardCase> TASKS = new TaskSteps<>(KEY, Map.of(
			TASK_ACCEPT, (v, card) -> AcceptCard.decide(AcceptCard.Input.from(v), card),
			TASK_DISPATCH, (v, card) -> DispatchCard.decide(DispatchCard.Input.from(v), card),
			TASK_COORDINATE, (v, card) -> CoordinateCard.decide(CoordinateCard.Input.from(v), card),
			TASK_CO_HANDLE, (v, card) -> CoHandleCard.decide(CoHandleCard.Input.from(v), card),
			TASK_HANDLE, (v, card) -> HandleCard.decide(HandleCard.Input.from(v), card),
			TASK_APPROVE_EXTENSION, (v, card) -> DecideExtension.decide(DecideExtension.Input.from(v), card),
			TASK_REVIEW, (v, card) -> ReviewCard.decide(ReviewCard.Input.from(v), card),
			TASK_EVALUATE, (v, card) -> EvaluateCard.decide(EvaluateCard.Input.from(v), card)));

	/**
	 * Checks and records the completion of a user task by its step rule; throws naming the field
	 * when it is not complete. The deadlines, the time limit and the extension days used are the
	 * case's state, not the submitted variables: a completion cannot move its own deadline.
	 */
	public Outcome completeTask(String taskKey, String caseNo, Map<String, Object> submitted, String actor) {
		Map<String, Object> variables = new HashMap<>(submitted);
		variables.putAll(recorded(caseNo));
		CardCase card = new CardCase(caseNo, actor, EngineClock.now(), this.cases.states().get(caseNo),
				this.cases.calendar(), this.cases.limits(), this.cases::isHandlingUnit, this::receivingUnitOf);
		return this.cases.recorder().record(caseNo, TASKS.decide(taskKey, variables, card));
	}

	/** The receiving unit of a card of this platform (a merge's original). */
	private Optional<String> receivingUnitOf(String caseNo) {
		return this.cases.ledger()
			.caseHistory(caseNo)
			.stream()
			.filter(e -> e.is(CardEvent.FILED) && e.process().equals(KEY))
			.map(LedgerEntry::unit)
			.findFirst();
	}

	/** The co-units' opinions of the latest dispatch, for the lead unit's form. */
	public String coOpinions(String caseNo) {
		List<LedgerEntry> history = this.cases.ledger().caseHistory(caseNo);
		int lastDispatch = 0;
		for (int i = 0; i < history.size(); i++) {
			if (history.get(i).is(CardEvent.DISPATCHED)) {
				lastDispatch = i;
			}
		}
		StringBuilder text = new StringBuilder();
		for (LedgerEntry entry : history.subList(lastDispatch, history.size())) {
			if (entry.is(CardEvent.CO_HANDLED)) {
				String name = this.cases.directory().unit(entry.unit()).map(u -> u.name()).orElse(entry.unit());
				text.append(name).append("：").append(entry.detail()).append('\n');
			}
		}
		return text.isEmpty() ? "（无协办单位意见 no co-unit opinions）" : text.toString().trim();
	}

	/**
	 * A step of the escalation ladder ({@link Ladder#DEADLINE}), recorded once per deadline of the
	 * card: WARNED to the lead unit, URGED also to its head and the supervision office, REPRIMANDED
	 * also to the county leaders; missing lower steps first.
	 */
	public void escalate(String caseNo, String level, Map<String, Object> v) {
		CaseClock clock = this.cases.states().get(caseNo)
			.currentClock()
			.orElseThrow(() -> new IllegalStateException("card " + caseNo + " has no deadline to escalate"));
		String lead = LEAD_UNIT.from(v);
		String due = Deadlines.iso(deadlines(clock).dueAt());
		this.cases.escalations().climb(caseNo, "deadline-" + clock.no(), Ladder.DEADLINE, level, step -> {
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), lead, LedgerEvent.SYSTEM_ACTOR, clock.dueAt(),
					"handling of " + lead + " due " + due));
			this.cases.notices().send(caseNo, TEMPLATES.get(step), v,
					this.cases.escalations().recipients(Ladder.DEADLINE, step, lead, null), caseNo + "/" + step + "/" + due);
		});
	}

	/** The notice template of each step of the card's ladder. */
	private static final Map<String, String> TEMPLATES = Map.of(CardEvent.WARNED.name(), "case-warning",
			CardEvent.URGED.name(), "case-urging", CardEvent.REPRIMANDED.name(), "case-reprimand");

	/**
	 * Tells the submitter by e-mail when their contact is an address; the ledger records it either
	 * way, without the address or number (the ledger is read by many and kept for good).
	 */
	public void notifySubmitter(String caseNo, String template, String ledgerEvent, String occasion,
			Map<String, Object> v) {
		String contact = this.personalData.value(caseNo, SUBMITTER_CONTACT.name()).orElse(null);
		String email = Masks.isEmail(contact) ? contact.strip() : null;
		NotificationTemplates.Rendered message = this.cases.notices().render(caseNo, template, v);
		if (email != null) {
			this.notifications.notify(new Notice(caseNo, List.of("email:" + email), message.subject(), message.body(),
					caseNo + "/" + template + "/" + occasion));
		}
		if (ledgerEvent != null) {
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, EVENTS.require(ledgerEvent), LEAD_UNIT.from(v), LedgerEvent.SYSTEM_ACTOR,
					null, (email != null ? "已邮件答复提交人 e-mailed to the submitter"
							: contact != null ? "无电子邮箱，请按提交人联系方式答复 no e-mail address: reply by the submitter's contact"
									: "无联系方式，经受理渠道答复 no contact: reply through the channel of intake ("
											+ CHANNEL.from(v) + ")")
							+ ": " + message.body()));
		}
	}

	/** Reminds the co-units whose opinion task is still open. */
	public void remindCoUnits(String caseNo, String processInstanceId, Map<String, Object> v) {
		Set<String> pendingUnits = new LinkedHashSet<>();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK_CO_HANDLE)
			.list()) {
			for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
				if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
					pendingUnits.add(link.getGroupId());
				}
			}
		}
		if (pendingUnits.isEmpty()) {
			return;
		}
		List<String> recipients = pendingUnits.stream().map(u -> "group:" + u).toList();
		this.notifications.notify(new Notice(caseNo, recipients,
				"[" + caseNo + "] 协办意见即将到期 Co-handling opinion due: " + SUBJECT.from(v),
				"请于 " + CO_DUE_AT.from(v) + " 前提交对案件 " + caseNo + " 的协办意见。\nPlease give your opinion on case "
						+ caseNo + " by " + CO_DUE_AT.from(v) + ".",
				caseNo + "/co-reminder/" + CO_DUE_AT.from(v)));
	}

	/** Collation (整理): the case summary, ORGANIZED, and the evaluation window. */
	public Outcome collate(String caseNo, Map<String, Object> v) {
		List<LedgerEntry> history = this.cases.ledger().caseHistory(caseNo);
		long rounds = history.stream().filter(e -> e.is(CardEvent.HANDLED)).count();
		long late = history.stream().filter(e -> e.is(CardEvent.URGED)).count();
		String summary = SUBJECT.from(v) + " | " + KIND.from(v) + " | link " + LINK.from(v) + " | lead "
				+ LEAD_UNIT.from(v) + " | handled " + rounds + "x | " + (late > 0 ? "late" : "on time") + " | reply: "
				+ REPLY.from(v);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, CardEvent.ORGANIZED, WellKnownGroups.COUNTY_PLATFORM,
				LedgerEvent.SYSTEM_ACTOR, null, summary));
		return new Outcome(Map.of(EVALUATE_DUE_AT.name(),
				Deadlines.iso(this.cases.calendar().deadline(EngineClock.now(), this.cases.limits().evaluationDays()))));
	}

	/** The card ends: CLOSED, with how it ended. */
	public Outcome close(String caseNo, Map<String, Object> v, String how) {
		String outcome = how != null ? how : SATISFACTION.from(v) != null ? SATISFACTION.from(v) : CardValues.NO_RESPONSE;
		if (CardValues.NO_RESPONSE.equals(how)) {
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, CardEvent.EVALUATED, WellKnownGroups.COUNTY_PLATFORM,
					LedgerEvent.SYSTEM_ACTOR, null, CardValues.NO_RESPONSE));
		}
		this.cases.states().close(caseNo);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, CardEvent.CLOSED, RECEIVING_UNIT.from(v), LedgerEvent.SYSTEM_ACTOR,
				null, outcome));
		return new Outcome(Map.of(OUTCOME.name(), outcome));
	}

	/**
	 * What the case's state says of a card's clock: the deadlines of the latest one set
	 * (classified, extended or reopened), the time limit and the working days of extension granted.
	 * Empty before the card is classified.
	 */
	public Map<String, Object> recorded(String caseNo) {
		Map<String, Object> out = new HashMap<>();
		CaseState state = this.cases.states().find(caseNo).orElse(null);
		if (state == null) {
			return out;
		}
		if (state.timeLimitDays() != null) {
			out.put(TIME_LIMIT_DAYS.name(), state.timeLimitDays());
		}
		if (state.clock() == null) {
			return out;
		}
		out.putAll(deadlines(state).asVariables());
		out.put(EXTENDED_DAYS.name(), state.extendedDays());
		return out;
	}

	private Deadlines deadlines(CaseState state) {
		return deadlines(state.currentClock()
			.orElseThrow(() -> new IllegalStateException("card " + state.caseNo() + " has no deadline yet")));
	}

	private Deadlines deadlines(CaseClock clock) {
		return Deadlines.of(this.cases.calendar(), this.cases.limits(), clock);
	}


	private static Map<String, Object> filter(Map<String, Object> variables, Set<String> names) {
		Map<String, Object> picked = new HashMap<>();
		variables.forEach((k, value) -> {
			if (names.contains(k)) {
				picked.put(k, value);
			}
		});
		return picked;
	}

}
