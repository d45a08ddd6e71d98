package gov.county.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

import gov.county.platform.calendar.WorkingDayCalendar;

/** The {@code from}/{@code to} of the API's searches: a date (county time) or a date-time with offset. */
@Component
public class DateParameters {

	private final WorkingDayCalendar calendar;

	public DateParameters(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	/** A date (the start of that day, county time) or a date-time with its offset; null when blank. */
	public Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(this.calendar.zone()).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest(field,
					"'" + field + "' must be a date (2026-03-01) or a date-time with offset (2026-03-01T08:00:00+08:00)");
		}
	}

	/** Both, checked to be in order. */
	public Instant[] range(String from, String to) {
		Instant fromInstant = instant("from", from);
		Instant toInstant = instant("to", to);
		if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)) {
			throw ApiProblem.badRequest("to", "'to' is before 'from'");
		}
		return new Instant[] { fromInstant, toInstant };
	}

}
