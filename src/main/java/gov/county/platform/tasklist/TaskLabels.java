package gov.county.platform.tasklist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.CaseStates;
import gov.county.platform.engine.OnEveryUserTask;
import gov.county.platform.engine.TaskCandidates;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;

/**
 * What makes a task recognisable at a glance in Tasklist, on every task of every process: its name
 * carries the case number (so the search box as first shown finds a task by it, and a list without
 * variables tells two cards apart), and four task variables that the shared filters show —
 * {@code caseNo}, {@code caseSubject}, {@code caseUnit} (the unit handling it: the task's own unit,
 * or for a county office's task the case's receiving or lead unit, by name) and {@code caseDeadline}
 * (its due date, or the case's, in county time, kept current when the due date changes).
 */
@Component
@Order(10)
class TaskLabels implements OnEveryUserTask {

	private static final Logger log = LoggerFactory.getLogger(TaskLabels.class);

	static final String CASE_NO = "caseNo";

	static final String SUBJECT = "caseSubject";

	static final String UNIT = "caseUnit";

	static final String DEADLINE = "caseDeadline";

	/** Between a task's name and its case number. */
	static final String SEPARATOR = " · ";

	private final CaseStates states;

	private final Directory directory;

	private final DateTimeFormatter format;

	private final ObjectProvider<ProcessEngine> engine;

	TaskLabels(CaseStates states, Directory directory, CalendarProperties calendar, ObjectProvider<ProcessEngine> engine) {
		this.engine = engine;
		this.states = states;
		this.directory = directory;
		this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
	}

	/**
	 * Open tasks created by an earlier release, without the case number in their name or the variables,
	 * are labelled once at start (each in its own transaction; changes nothing else).
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(70)
	public void labelEarlierTasks() {
		TaskService tasks = this.engine.getObject().getTaskService();
		List<Task> unlabelled = tasks.createTaskQuery().taskNameNotLike("%" + SEPARATOR + "%").active().list();
		int labelled = 0;
		for (Task task : unlabelled) {
			String caseNo = this.engine.getObject()
				.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.list()
				.stream()
				.map(instance -> instance.getBusinessKey())
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			if (caseNo == null || task.getName() == null) {
				continue;
			}
			CaseState state = this.states.find(caseNo).orElse(null);
			Map<String, Object> variables = new java.util.LinkedHashMap<>();
			variables.put(CASE_NO, caseNo);
			variables.put(SUBJECT, this.states.subject(caseNo).orElse(""));
			variables.put(UNIT, unitNames(tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(link -> link.getGroupId())
				.collect(Collectors.toCollection(java.util.LinkedHashSet::new)), state));
			if (task.getDueDate() != null) {
				variables.put(TaskGuards.SET_DUE, task.getDueDate());
			}
			task.setName(task.getName() + SEPARATOR + caseNo);
			tasks.saveTask(task);
			tasks.setVariablesLocal(task.getId(), variables);
			labelled++;
		}
		if (labelled > 0) {
			log.info("Labelled {} open tasks of an earlier release with their case number, subject, unit and deadline", labelled);
		}
	}

	@Override
	public Set<String> events() {
		return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE);
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		if (caseNo == null) {
			return;
		}
		CaseState state = this.states.find(caseNo).orElse(null);
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			if (task.getName() != null && !task.getName().contains(caseNo)) {
				task.setName(task.getName() + SEPARATOR + caseNo);
			}
			task.setVariableLocal(CASE_NO, caseNo);
			task.setVariableLocal(SUBJECT, this.states.subject(caseNo).orElse(""));
			task.setVariableLocal(UNIT, unitOf(task, state));
		}
		task.setVariableLocal(DEADLINE, deadline(task, state));
	}

	private String unitOf(DelegateTask task, CaseState state) {
		return unitNames(TaskCandidates.current(task), state);
	}

	private String unitNames(Set<String> candidates, CaseState state) {
		Set<String> own = candidates
			.stream()
			.filter(group -> this.directory.unit(group).map(Unit::type).filter(type -> type != UnitType.COUNTY).isPresent())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		if (own.isEmpty() && state != null && state.unit() != null) {
			own = Set.of(state.unit());
		}
		return own.stream().map(id -> this.directory.unit(id).map(Unit::name).orElse(id)).collect(Collectors.joining("、"));
	}

	private String deadline(DelegateTask task, CaseState state) {
		Instant due = task.getDueDate() != null ? task.getDueDate().toInstant()
				: state == null ? null : state.currentClock().map(clock -> clock.dueAt()).orElse(null);
		return due == null ? "" : this.format.format(due);
	}

}
