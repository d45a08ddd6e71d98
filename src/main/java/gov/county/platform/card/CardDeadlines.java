package gov.county.platform.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import gov.county.platform.calendar.WorkingDayCalendar;

/**
 * A card's three deadlines on the working-day calendar: due at 23:59:59 of the Nth working day after
 * the clock starts; the warning at the end of the working day before (never before the clock
 * started); the reprimand at the end of the 5th working day after the due day.
 */
public record CardDeadlines(ZonedDateTime dueAt, ZonedDateTime warnAt, ZonedDateTime reprimandAt) {

	public static final int REPRIMAND_AFTER_DAYS = 5;

	public static CardDeadlines start(WorkingDayCalendar calendar, Instant clockStart, int workingDays) {
		ZonedDateTime due = calendar.deadline(clockStart, workingDays);
		return around(calendar, due.toLocalDate(), clockStart);
	}

	/** The deadlines moved by {@code workingDays} working days (an approved extension). */
	public CardDeadlines extendedBy(WorkingDayCalendar calendar, int workingDays, Instant now) {
		return around(calendar, calendar.plusWorkingDays(this.dueAt.toLocalDate(), workingDays), now);
	}

	/** The deadlines around a due day, for a clock that started at {@code notBefore}. */
	static CardDeadlines around(WorkingDayCalendar calendar, LocalDate dueDay, Instant notBefore) {
		ZonedDateTime due = calendar.endOf(dueDay);
		ZonedDateTime warn = calendar.endOf(calendar.plusWorkingDays(dueDay, -1));
		ZonedDateTime earliest = notBefore.atZone(calendar.zone());
		if (warn.isBefore(earliest)) {
			warn = earliest.withNano(0);
		}
		ZonedDateTime reprimand = calendar.endOf(calendar.plusWorkingDays(dueDay, REPRIMAND_AFTER_DAYS));
		return new CardDeadlines(due, warn, reprimand);
	}

	public static CardDeadlines parse(String dueAt, String warnAt, String reprimandAt) {
		return new CardDeadlines(ZonedDateTime.parse(dueAt), ZonedDateTime.parse(warnAt),
				ZonedDateTime.parse(reprimandAt));
	}

	/** ISO-8601 with offset, as the process keeps deadlines: {@code 2026-11-30T23:59:59+08:00}. */
	public static String iso(ZonedDateTime at) {
		return at.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
