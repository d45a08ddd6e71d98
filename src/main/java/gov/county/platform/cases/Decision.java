package gov.county.platform.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.notification.Notice;

/**
 * What a step rule decided, before anything is written: the ledger entries (of the case, and of a
 * related case a merge also concerns), a new clock, working days of extension granted, a plan,
 * notices, changes elsewhere that go with it, and the variables to set on the process. A rule returns one; {@link CaseRecorder} writes it in the
 * completion's transaction. Rules are thus plain functions a unit test calls without a database.
 */
public final class Decision {

	private final List<LedgerEvent> entries = new ArrayList<>();

	private final List<LedgerEvent> relatedEntries = new ArrayList<>();

	private final Map<String, Object> variables = new HashMap<>();

	private final List<Notice> notices = new ArrayList<>();

	private Deadlines clock;

	private Instant clockStartedAt;

	private int extensionDays;

	private String plan;

	private final List<Runnable> afterwards = new ArrayList<>();

	public static Decision of() {
		return new Decision();
	}

	/** A ledger entry of the case. */
	public Decision entry(LedgerEvent entry) {
		this.entries.add(entry);
		return this;
	}

	/** A ledger entry of another case this step concerns (a merge's original). */
	public Decision relatedEntry(LedgerEvent entry) {
		this.relatedEntries.add(entry);
		return this;
	}

	public Decision variable(String name, Object value) {
		this.variables.put(name, value);
		return this;
	}

	public Decision variables(Map<String, Object> values) {
		this.variables.putAll(values);
		return this;
	}

	/** A new clock of the case, started at {@code startedAt}; its dates become the process's too. */
	public Decision clock(Deadlines deadlines, Instant startedAt) {
		this.clock = deadlines;
		this.clockStartedAt = startedAt;
		return variables(deadlines.asVariables());
	}

	public Decision extension(int workingDays) {
		this.extensionDays = workingDays;
		return this;
	}

	/** The plan (JSON) the case holds from now on. */
	public Decision plan(String planJson) {
		this.plan = planJson;
		return this;
	}

	/**
	 * A change outside the case's own records that goes with the decision (the public list of
	 * commitments), made after the ledger entries, in the same transaction.
	 */
	public Decision afterwards(Runnable change) {
		this.afterwards.add(change);
		return this;
	}

	public Decision notice(Notice notice) {
		this.notices.add(notice);
		return this;
	}

	public List<LedgerEvent> entries() {
		return List.copyOf(this.entries);
	}

	public List<LedgerEvent> relatedEntries() {
		return List.copyOf(this.relatedEntries);
	}

	public Map<String, Object> variables() {
		return Map.copyOf(this.variables);
	}

	public List<Notice> notices() {
		return List.copyOf(this.notices);
	}

	/** The new clock, or null when the step leaves the case's clock as it is. */
	public Deadlines clock() {
		return this.clock;
	}

	public Instant clockStartedAt() {
		return this.clockStartedAt;
	}

	public int extensionDays() {
		return this.extensionDays;
	}

	/** The plan decided, or null when the step leaves the case's plan as it is. */
	public String plan() {
		return this.plan;
	}

	public List<Runnable> afterwards() {
		return List.copyOf(this.afterwards);
	}

	/** The events of the case's entries, in order: what a test reads first. */
	public List<String> events() {
		return this.entries.stream().map(LedgerEvent::event).toList();
	}

}
