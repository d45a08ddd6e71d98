package gov.county.platform.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import gov.county.platform.calendar.WorkingDayCalendar;

/**
 * A deadline of the rectification and its escalation dates on the working-day calendar: due at
 * 23:59:59 of the due day; the warning at the end of the working day before (never before the
 * clock started); the last step of the ladder (the plan's notice of criticism, a measure's notice of
 * criticism and admonishment talk) at the end of the 5th working day after the due day.
 */
record RectificationDeadlines(ZonedDateTime dueAt, ZonedDateTime warnAt, ZonedDateTime lateAt) {

	static final int LATE_AFTER_DAYS = 5;

	static RectificationDeadlines start(WorkingDayCalendar calendar, Instant clockStart, int workingDays) {
		return around(calendar, calendar.deadline(clockStart, workingDays).toLocalDate(), clockStart);
	}

	static RectificationDeadlines around(WorkingDayCalendar calendar, LocalDate dueDay, Instant notBefore) {
		ZonedDateTime due = calendar.endOf(dueDay);
		ZonedDateTime warn = calendar.endOf(calendar.plusWorkingDays(dueDay, -1));
		ZonedDateTime earliest = notBefore.atZone(calendar.zone()).withNano(0);
		if (warn.isBefore(earliest)) {
			warn = earliest;
		}
		return new RectificationDeadlines(due, warn, calendar.endOf(calendar.plusWorkingDays(dueDay, LATE_AFTER_DAYS)));
	}

	/** ISO-8601 with offset, as the process keeps deadlines: {@code 2026-11-30T23:59:59+08:00}. */
	static String iso(ZonedDateTime at) {
		return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
