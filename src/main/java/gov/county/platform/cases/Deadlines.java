package gov.county.platform.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.engine.ProcessVariable;

/**
 * One clock of a case on the working-day calendar, with the dates of its escalation ladder: due at
 * 23:59:59 of the due day; the warning at the end of the working day before (never before the clock
 * started); the last step of the ladder (a card's notice of criticism, a plan's or a measure's) at
 * the end of the {@link TimeLimits#lateAfterDays()}th working day after the due day.
 */
public record Deadlines(ZonedDateTime dueAt, ZonedDateTime warnAt, ZonedDateTime lateAt) {

	/** When the case's current clock is due; its escalation timers read the next two. */
	public static final ProcessVariable<String> DUE_AT = ProcessVariable.string("dueAt");

	public static final ProcessVariable<String> WARN_AT = ProcessVariable.string("warnAt");

	/** The last step of the ladder (the diagrams' name for it, from the card's notice of criticism). */
	public static final ProcessVariable<String> REPRIMAND_AT = ProcessVariable.string("reprimandAt");

	/** A clock of {@code workingDays} that starts at {@code clockStart}. */
	public static Deadlines start(WorkingDayCalendar calendar, TimeLimits limits, Instant clockStart,
			int workingDays) {
		return around(calendar, limits, calendar.deadline(clockStart, workingDays).toLocalDate(), clockStart);
	}

	/** The deadlines around a due day, for a clock that started at {@code notBefore}. */
	public static Deadlines around(WorkingDayCalendar calendar, TimeLimits limits, LocalDate dueDay,
			Instant notBefore) {
		ZonedDateTime due = calendar.endOf(dueDay);
		ZonedDateTime warn = calendar.endOf(calendar.plusWorkingDays(dueDay, -1));
		ZonedDateTime earliest = notBefore.atZone(calendar.zone()).withNano(0);
		if (warn.isBefore(earliest)) {
			warn = earliest;
		}
		ZonedDateTime late = calendar.endOf(calendar.plusWorkingDays(dueDay, limits.lateAfterDays()));
		return new Deadlines(due, warn, late);
	}

	/** The deadlines of a clock as the case's state keeps it. */
	public static Deadlines of(WorkingDayCalendar calendar, TimeLimits limits, CaseClock clock) {
		return around(calendar, limits, clock.dueAt().atZone(calendar.zone()).toLocalDate(), clock.startedAt());
	}

	/** The deadlines moved by {@code workingDays} working days (an approved extension). */
	public Deadlines extendedBy(WorkingDayCalendar calendar, TimeLimits limits, int workingDays, Instant now) {
		return around(calendar, limits, calendar.plusWorkingDays(this.dueAt.toLocalDate(), workingDays), now);
	}

	/** The three dates as the process variables {@code dueAt}, {@code warnAt}, {@code reprimandAt}. */
	public Map<String, Object> asVariables() {
		Map<String, Object> out = new HashMap<>();
		out.put(DUE_AT.name(), iso(this.dueAt));
		out.put(WARN_AT.name(), iso(this.warnAt));
		out.put(REPRIMAND_AT.name(), iso(this.lateAt));
		return out;
	}

	/** ISO-8601 with offset, as the processes keep deadlines: {@code 2026-11-30T23:59:59+08:00}. */
	public static String iso(ZonedDateTime at) {
		return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** An ISO-8601 date-time with offset (as {@link #iso} writes it), or null. */
	public static Instant instant(Object iso) {
		return iso == null ? null : ZonedDateTime.parse(iso.toString()).toInstant();
	}

}
