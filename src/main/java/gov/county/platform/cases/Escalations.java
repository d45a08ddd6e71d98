package gov.county.platform.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.engine.EngineClock;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The escalation ladder of every process: its steps are recorded once per clock of a case
 * ({@code case_escalation}), in order. When timers of a long-overdue clock fire together, in any
 * order, the step that fires first records the steps below it first, so the ledger always reads
 * warning, urging, criticism. Each climb that records a step is published ({@link CaseEscalated}).
 */
@Service
public class Escalations {

	private final JdbcTemplate jdbc;

	private final CaseStates states;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	public Escalations(JdbcTemplate jdbc, CaseStates states, Directory directory, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.states = states;
		this.directory = directory;
		this.events = events;
	}

	/**
	 * Climbs {@code ladder} up to {@code level} on one clock of the case: {@code record} is called
	 * for each step not yet recorded on that clock, lowest first, and the step is then noted.
	 *
	 * @param clock which clock: e.g. {@code deadline-2} (a card's second deadline), {@code plan-1},
	 * {@code measure-3@2027-01-01T15:59:59Z}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void climb(String caseNo, String clock, Ladder ladder, String level, Consumer<String> record) {
		List<String> steps = ladder.steps();
		int top = steps.indexOf(level);
		if (top < 0) {
			throw new IllegalArgumentException("escalation level must be one of " + steps + ", was '" + level + "'");
		}
		this.states.lock(caseNo);
		Set<String> recorded = new HashSet<>(this.jdbc.queryForList(
				"SELECT step FROM case_escalation WHERE case_no = ? AND clock = ?", String.class, caseNo, clock));
		Instant now = EngineClock.now();
		List<String> climbed = new ArrayList<>();
		for (String step : steps.subList(0, top + 1)) {
			if (recorded.contains(step)) {
				continue;
			}
			record.accept(step);
			this.jdbc.update("INSERT INTO case_escalation (case_no, clock, step, recorded_at) VALUES (?, ?, ?, ?)",
					caseNo, clock, step, CaseStates.timestamp(now));
			climbed.add(step);
		}
		if (!climbed.isEmpty()) {
			this.events.publishEvent(new CaseEscalated(caseNo, climbed));
		}
	}

	/**
	 * Who is told of a step: the first goes to the unit (and the responsible person, when the
	 * platform knows them); later ones also to the unit's head and the supervision office; the
	 * ladder's gravest also to the county leaders. A head the chart names but no admin has created
	 * yet cannot be told; the unit still is.
	 *
	 * @param person a user id responsible for what is late, or null
	 */
	public List<String> recipients(Ladder ladder, String step, String unit, String person) {
		List<String> recipients = new ArrayList<>();
		if (person != null && this.directory.userExists(person)) {
			recipients.add("user:" + person);
		}
		recipients.add("group:" + unit);
		if (!step.equals(ladder.first())) {
			this.directory.headOf(unit)
				.filter(this.directory::userExists)
				.ifPresent(head -> recipients.add("head:" + unit));
			recipients.add("group:" + WellKnownGroups.SUPERVISION_OFFICE);
		}
		if (ladder.toCountyLeaders().contains(step)) {
			recipients.add("group:" + WellKnownGroups.COUNTY_LEADERS);
		}
		return recipients;
	}

	/** The steps recorded on one clock of a case. */
	@Transactional(readOnly = true)
	public Set<String> recorded(String caseNo, String clock) {
		return Set.copyOf(this.jdbc.queryForList("SELECT step FROM case_escalation WHERE case_no = ? AND clock = ?",
				String.class, caseNo, clock));
	}

}
