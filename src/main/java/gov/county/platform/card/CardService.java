package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.required;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseNotices;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.CaseStates;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.Escalations;
import gov.county.platform.cases.Ladder;
import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.notification.NotificationTemplates;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.privacy.Masks;
import gov.county.platform.privacy.PersonalData;

/**
 * The rules of the interaction card: what each step requires, which ledger events it leaves, how
 * deadlines move, who is told. Delegates and listeners only map variables in and out of here.
 */
@Service
public class CardService {

	private final CaseNumberService caseNumbers;

	private final LedgerService ledger;

	private final NotificationService notifications;

	private final CaseNotices notices;

	private final CaseStates states;

	private final Escalations escalations;

	private final TimeLimits limits;

	private final WorkingDayCalendar calendar;

	private final Directory directory;

	private final TaskService tasks;

	private final PersonalData personalData;

	public CardService(CaseNumberService caseNumbers, LedgerService ledger, NotificationService notifications,
			CaseNotices notices, CaseStates states, Escalations escalations, TimeLimits limits,
			WorkingDayCalendar calendar, Directory directory, TaskService tasks, PersonalData personalData) {
		this.caseNumbers = caseNumbers;
		this.ledger = ledger;
		this.notifications = notifications;
		this.notices = notices;
		this.states = states;
		this.escalations = escalations;
		this.limits = limits;
		this.calendar = calendar;
		this.directory = directory;
		this.tasks = tasks;
		this.personalData = personalData;
	}

	/** A new card number, taken in the caller's (the intake's) transaction. */
	public String newCaseNumber() {
		return this.caseNumbers.next(CASE_PREFIX);
	}

	/**
	 * Registers a card that just started: validates its data (the Tasklist start form has no other
	 * check), records FILED and sets the acceptance reminder.
	 */
	public Outcome register(String caseNo, Map<String, Object> variables, String actor) {
		Map<String, Object> card = CardSubmission.validate(
				filter(variables, CardSubmission.START_VARIABLES), this.directory, null);
		Instant now = EngineClock.now();
		Map<String, Object> out = new HashMap<>(card);
		out.put(CASE_NO.name(), caseNo);
		out.put(ACCEPT_REMIND_AT.name(),
				Deadlines.iso(this.calendar.deadline(now, this.limits.acceptanceReminderDays())));
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
		this.states.open(caseNo, KEY, (String) card.get(RECEIVING_UNIT.name()));
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.FILED, (String) card.get(RECEIVING_UNIT.name()), actor, null,
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
		Deadlines deadlines = Deadlines.start(this.calendar, this.limits, now, days);
		this.states.setTimeLimit(caseNo, days);
		this.states.startClock(caseNo, deadlines.dueAt().toInstant(), now);
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.CLASSIFIED, RECEIVING_UNIT.from(variables), actor,
				deadlines.dueAt().toInstant(), "time limit " + days + " working days (" + KIND.from(variables)
						+ (Boolean.TRUE.equals(URGENT.from(variables)) ? ", urgent" : "") + "); link "
						+ LINK.from(variables)));
		return new Outcome(deadlines.asVariables());
	}

	/**
	 * Checks and records the completion of a user task; throws naming the field when it is not
	 * complete. The deadlines, the time limit and the extension days used are taken from the case's
	 * state, not from the submitted variables: a completion cannot move its own deadline.
	 */
	public Outcome completeTask(String taskKey, String caseNo, Map<String, Object> submitted, String actor) {
		Map<String, Object> variables = new HashMap<>(submitted);
		variables.putAll(recorded(caseNo));
		return switch (taskKey) {
			case TASK_ACCEPT -> accept(caseNo, variables, actor);
			case TASK_DISPATCH -> dispatch(caseNo, variables, actor);
			case TASK_COORDINATE -> coordinate(caseNo, variables, actor);
			case TASK_CO_HANDLE -> coHandle(caseNo, variables, actor);
			case TASK_HANDLE -> handle(caseNo, variables, actor);
			case TASK_APPROVE_EXTENSION -> decideExtension(caseNo, variables, actor);
			case TASK_REVIEW -> review(caseNo, variables, actor);
			case TASK_EVALUATE -> evaluate(caseNo, variables, actor);
			default -> throw new IllegalArgumentException("no card rules for task '" + taskKey + "'");
		};
	}

	private Outcome accept(String caseNo, Map<String, Object> v, String actor) {
		String acceptance = required(ACCEPTANCE.name(), ACCEPTANCE.from(v));
		String unit = RECEIVING_UNIT.from(v);
		switch (oneOf(ACCEPTANCE.name(), acceptance, CardValues.Acceptance.class)) {
			case ACCEPT -> {
				String link = oneOf(LINK.name(), required(LINK.name(), LINK.from(v)), CardValues.Link.class).name();
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.ACCEPTED, unit, actor, null, "link " + link));
			}
			case REJECT -> {
				String reason = required(REJECT_REASON.name(), REJECT_REASON.from(v));
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.REJECTED, unit, actor, null, reason));
			}
			case DUPLICATE -> {
				String original = required(DUPLICATE_OF.name(), DUPLICATE_OF.from(v));
				if (original.equals(caseNo)) {
					throw new InvalidInput(DUPLICATE_OF.name(), "a card cannot be merged into itself");
				}
				LedgerEntry filed = this.ledger.caseHistory(original)
					.stream()
					.filter(e -> e.is(CardEvent.FILED) && e.process().equals(KEY))
					.findFirst()
					.orElseThrow(() -> new InvalidInput(DUPLICATE_OF.name(),
							"'" + original + "' is not a card of this platform"));
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.MERGED, unit, actor, null, "merged into " + original));
				// the original's entry names the original's unit: a merge must not open its case to the merger
				this.ledger.appendToRelatedCase(new LedgerEvent(original, KEY, CardEvent.MERGED, filed.unit(), actor, null,
						"duplicate " + caseNo + " merged into this case"));
			}
		}
		return Outcome.none();
	}

	private Outcome dispatch(String caseNo, Map<String, Object> v, String actor) {
		boolean handUp = Boolean.TRUE.equals(HAND_UP.from(v));
		List<String> coUnits = units(CO_UNITS.name(), CO_UNITS.from(v));
		String lead = LEAD_UNIT.from(v);
		if (!handUp) {
			requireUnit(LEAD_UNIT.name(), required(LEAD_UNIT.name(), lead));
		}
		else if (lead != null) {
			requireUnit(LEAD_UNIT.name(), lead);
		}
		if (lead != null && coUnits.contains(lead)) {
			throw new InvalidInput(CO_UNITS.name(), "the lead unit cannot also be a co-handling unit");
		}
		Map<String, Object> out = new HashMap<>();
		out.put(HAND_UP.name(), handUp);
		out.put(CO_UNITS.name(), CO_UNITS.stored(coUnits));
		boolean needsCoordination = handUp || !coUnits.isEmpty();
		out.put("needsCoordination", needsCoordination);
		String unit = RECEIVING_UNIT.from(v);
		if (needsCoordination) {
			this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.HANDED_UP, unit, actor, null,
					handUp ? "beyond the unit's authority" : "involves units " + coUnits));
		}
		else {
			out.putAll(dispatched(caseNo, lead, coUnits, actor));
		}
		return new Outcome(out);
	}

	private Outcome coordinate(String caseNo, Map<String, Object> v, String actor) {
		String lead = required(LEAD_UNIT.name(), LEAD_UNIT.from(v));
		requireUnit(LEAD_UNIT.name(), lead);
		List<String> coUnits = units(CO_UNITS.name(), CO_UNITS.from(v));
		if (coUnits.contains(lead)) {
			throw new InvalidInput(CO_UNITS.name(), "the lead unit cannot also be a co-handling unit");
		}
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.COORDINATED, WellKnownGroups.COUNTY_PLATFORM, actor, null,
				"lead " + lead + ", co-units " + coUnits
						+ (COORDINATION_NOTE.from(v) == null ? "" : ": " + COORDINATION_NOTE.from(v))));
		Map<String, Object> out = new HashMap<>(dispatched(caseNo, lead, coUnits, actor));
		out.put(CO_UNITS.name(), CO_UNITS.stored(coUnits));
		return new Outcome(out);
	}

	private Map<String, Object> dispatched(String caseNo, String lead, List<String> coUnits, String actor) {
		Instant now = EngineClock.now();
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.DISPATCHED, lead, actor, null,
				coUnits.isEmpty() ? "lead " + lead : "lead " + lead + ", co-units " + coUnits));
		Map<String, Object> out = new HashMap<>();
		out.put(DISPATCHED_AT.name(), Deadlines.iso(now.atZone(this.calendar.zone())));
		out.put(CO_DUE_AT.name(), Deadlines.iso(this.calendar.deadline(now, this.limits.coHandlingDays())));
		out.put("hasCoUnits", !coUnits.isEmpty());
		return out;
	}

	private Outcome coHandle(String caseNo, Map<String, Object> v, String actor) {
		String opinion = required(OPINION.name(), OPINION.from(v));
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.CO_HANDLED, CO_UNIT.from(v), actor, null, opinion));
		return Outcome.none();
	}

	/** The co-units' opinions of the latest dispatch, for the lead unit's form. */
	public String coOpinions(String caseNo) {
		List<LedgerEntry> history = this.ledger.caseHistory(caseNo);
		int lastDispatch = 0;
		for (int i = 0; i < history.size(); i++) {
			if (history.get(i).is(CardEvent.DISPATCHED)) {
				lastDispatch = i;
			}
		}
		StringBuilder text = new StringBuilder();
		for (LedgerEntry entry : history.subList(lastDispatch, history.size())) {
			if (entry.is(CardEvent.CO_HANDLED)) {
				String name = this.directory.unit(entry.unit()).map(u -> u.name()).orElse(entry.unit());
				text.append(name).append("：").append(entry.detail()).append('\n');
			}
		}
		return text.isEmpty() ? "（无协办单位意见 no co-unit opinions）" : text.toString().trim();
	}

	private Outcome handle(String caseNo, Map<String, Object> v, String actor) {
		String handling = required(HANDLING.name(), HANDLING.from(v));
		String lead = LEAD_UNIT.from(v);
		Instant now = EngineClock.now();
		Instant due = Deadlines.instant(DUE_AT.from(v));
		switch (oneOf(HANDLING.name(), handling, CardValues.Handling.class)) {
			case RESOLVED, EXPLAINED -> {
				String reply = required(REPLY.name(), REPLY.from(v));
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.HANDLED, lead, actor, due, handling + ": " + reply));
			}
			case RETURN -> {
				String reason = required(RETURN_REASON.name(), RETURN_REASON.from(v));
				Instant dispatched = Deadlines.instant(DISPATCHED_AT.from(v));
				int returnDays = this.limits.returnDays();
				boolean late = dispatched != null
						&& now.isAfter(this.calendar.deadline(dispatched, returnDays).toInstant());
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.RETURNED, lead, actor, due,
						(late ? "late return (after " + returnDays + " working days): " : "") + reason));
			}
			case EXTEND -> {
				Integer days = EXTENSION_DAYS.from(v);
				int used = EXTENDED_DAYS.from(v) == null ? 0 : EXTENDED_DAYS.from(v);
				if (days == null || days < 1) {
					throw new InvalidInput(EXTENSION_DAYS.name(), "is required: 1 or more working days");
				}
				if (used + days > this.limits.maxExtensionDays()) {
					throw new InvalidInput(EXTENSION_DAYS.name(), "at most " + this.limits.maxExtensionDays()
							+ " working days in total per card; " + used + " already granted");
				}
				String reason = required(EXTENSION_REASON.name(), EXTENSION_REASON.from(v));
				if (due != null && !now.isBefore(due)) {
					throw new InvalidInput(HANDLING.name(),
							"an extension must be asked before the deadline (" + DUE_AT.from(v) + ")");
				}
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.EXTENSION_REQUESTED, lead, actor, due,
						days + " working days: " + reason));
			}
		}
		return Outcome.none();
	}

	private Outcome decideExtension(String caseNo, Map<String, Object> v, String actor) {
		Boolean approved = EXTENSION_APPROVED.from(v);
		if (approved == null) {
			throw new InvalidInput(EXTENSION_APPROVED.name(), "is required: approve or refuse the extension");
		}
		if (!approved) {
			this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.EXTENSION_DENIED, WellKnownGroups.COUNTY_PLATFORM, actor,
					Deadlines.instant(DUE_AT.from(v)), "deadline stays " + DUE_AT.from(v)));
			return new Outcome(Map.of(EXTENSION_APPROVED.name(), false));
		}
		Integer days = EXTENSION_DAYS.from(v);
		if (days == null) {
			throw new IllegalStateException("the extension decision has no requested days ('extensionDays')");
		}
		CaseState state = this.states.get(caseNo);
		Instant now = EngineClock.now();
		Deadlines moved = deadlines(state).extendedBy(this.calendar, this.limits, days, now);
		this.states.addExtension(caseNo, days);
		this.states.startClock(caseNo, moved.dueAt().toInstant(), now);
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.EXTENDED, WellKnownGroups.COUNTY_PLATFORM, actor,
				moved.dueAt().toInstant(), days + " working days, from " + DUE_AT.from(v)));
		Map<String, Object> out = moved.asVariables();
		out.put(EXTENDED_DAYS.name(), state.extendedDays() + days);
		out.put(EXTENSION_APPROVED.name(), true);
		return new Outcome(out);
	}

	private Outcome review(String caseNo, Map<String, Object> v, String actor) {
		String review = required(REVIEW.name(), REVIEW.from(v));
		String comment = REVIEW_COMMENT.from(v);
		switch (oneOf(REVIEW.name(), review, CardValues.Review.class)) {
			case PASS -> this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.REVIEWED,
					WellKnownGroups.SUPERVISION_OFFICE, actor, null, comment == null ? "passed" : "passed: " + comment));
			case REWORK -> {
				required(REVIEW_COMMENT.name(), comment);
				this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.REWORK, LEAD_UNIT.from(v), actor,
						Deadlines.instant(DUE_AT.from(v)), comment));
			}
		}
		return Outcome.none();
	}

	private Outcome evaluate(String caseNo, Map<String, Object> v, String actor) {
		String satisfaction = required(SATISFACTION.name(), SATISFACTION.from(v));
		CardValues.Satisfaction rating = oneOf(SATISFACTION.name(), satisfaction, CardValues.Satisfaction.class);
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.EVALUATED, WellKnownGroups.COUNTY_PLATFORM, actor, null,
				satisfaction));
		if (rating != CardValues.Satisfaction.DISSATISFIED) {
			return Outcome.none();
		}
		int count = (DISSATISFIED_COUNT.from(v) == null ? 0 : DISSATISFIED_COUNT.from(v)) + 1;
		CaseState state = this.states.get(caseNo);
		int days = state.timeLimitDays() == null ? 10 : state.timeLimitDays();
		Instant now = EngineClock.now();
		Deadlines fresh = Deadlines.start(this.calendar, this.limits, now, days);
		this.states.startClock(caseNo, fresh.dueAt().toInstant(), now);
		String lead = LEAD_UNIT.from(v);
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.REOPENED, count == 1 ? lead : WellKnownGroups.COUNTY_PLATFORM,
				actor, fresh.dueAt().toInstant(), count == 1 ? "dissatisfied: handled again by " + lead
						: "dissatisfied a second time: back to the county platform; county leaders notified"));
		if (count >= 2) {
			this.notifications.notify(new Notice(caseNo, List.of("group:" + WellKnownGroups.COUNTY_LEADERS),
					"[" + caseNo + "] 群众二次不满意 Dissatisfied twice: " + SUBJECT.from(v),
					"案件 " + caseNo + "「" + SUBJECT.from(v) + "」经两次办理群众仍不满意，已转县协调平台统筹。\n"
							+ "The submitter of case " + caseNo + " is dissatisfied a second time; the county platform "
							+ "coordinates it again.",
					caseNo + "/dissatisfied/" + count));
		}
		Map<String, Object> out = fresh.asVariables();
		out.put(DISSATISFIED_COUNT.name(), count);
		return new Outcome(out);
	}

	/**
	 * A step of the escalation ladder ({@link Ladder#DEADLINE}), recorded once per deadline of the
	 * card: WARNED to the lead unit, URGED also to its head and the supervision office, REPRIMANDED
	 * also to the county leaders; missing lower steps first.
	 */
	public void escalate(String caseNo, String level, Map<String, Object> v) {
		CaseClock clock = this.states.get(caseNo)
			.currentClock()
			.orElseThrow(() -> new IllegalStateException("card " + caseNo + " has no deadline to escalate"));
		String lead = LEAD_UNIT.from(v);
		String due = Deadlines.iso(deadlines(clock).dueAt());
		this.escalations.climb(caseNo, "deadline-" + clock.no(), Ladder.DEADLINE, level, step -> {
			this.ledger.append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), lead, LedgerEvent.SYSTEM_ACTOR, clock.dueAt(),
					"handling of " + lead + " due " + due));
			this.notices.send(caseNo, TEMPLATES.get(step), v,
					this.escalations.recipients(Ladder.DEADLINE, step, lead, null), caseNo + "/" + step + "/" + due);
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
		NotificationTemplates.Rendered message = this.notices.render(caseNo, template, v);
		if (email != null) {
			this.notifications.notify(new Notice(caseNo, List.of("email:" + email), message.subject(), message.body(),
					caseNo + "/" + template + "/" + occasion));
		}
		if (ledgerEvent != null) {
			this.ledger.append(new LedgerEvent(caseNo, KEY, EVENTS.require(ledgerEvent), LEAD_UNIT.from(v), LedgerEvent.SYSTEM_ACTOR,
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
		List<LedgerEntry> history = this.ledger.caseHistory(caseNo);
		long rounds = history.stream().filter(e -> e.is(CardEvent.HANDLED)).count();
		long late = history.stream().filter(e -> e.is(CardEvent.URGED)).count();
		String summary = SUBJECT.from(v) + " | " + KIND.from(v) + " | link " + LINK.from(v) + " | lead "
				+ LEAD_UNIT.from(v) + " | handled " + rounds + "x | " + (late > 0 ? "late" : "on time") + " | reply: "
				+ REPLY.from(v);
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.ORGANIZED, WellKnownGroups.COUNTY_PLATFORM,
				LedgerEvent.SYSTEM_ACTOR, null, summary));
		return new Outcome(Map.of(EVALUATE_DUE_AT.name(),
				Deadlines.iso(this.calendar.deadline(EngineClock.now(), this.limits.evaluationDays()))));
	}

	/** The card ends: CLOSED, with how it ended. */
	public Outcome close(String caseNo, Map<String, Object> v, String how) {
		String outcome = how != null ? how : SATISFACTION.from(v) != null ? SATISFACTION.from(v) : CardValues.NO_RESPONSE;
		if (CardValues.NO_RESPONSE.equals(how)) {
			this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.EVALUATED, WellKnownGroups.COUNTY_PLATFORM,
					LedgerEvent.SYSTEM_ACTOR, null, CardValues.NO_RESPONSE));
		}
		this.ledger.append(new LedgerEvent(caseNo, KEY, CardEvent.CLOSED, RECEIVING_UNIT.from(v), LedgerEvent.SYSTEM_ACTOR,
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
		CaseState state = this.states.find(caseNo).orElse(null);
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
		return Deadlines.of(this.calendar, this.limits, clock);
	}


	private List<String> units(String field, List<String> ids) {
		if (ids == null) {
			return List.of();
		}
		Set<String> unique = new LinkedHashSet<>();
		for (String id : ids) {
			requireUnit(field, id);
			unique.add(id);
		}
		return List.copyOf(unique);
	}

	private void requireUnit(String field, String id) {
		var unit = this.directory.unit(id);
		if (unit.isEmpty() || WellKnownGroups.OVERSIGHT.contains(id)) {
			throw new InvalidInput(field, "'" + id + "' is not a township or department of the organisation chart");
		}
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
