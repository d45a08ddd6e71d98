package gov.county.platform.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;

/**
 * Fills a template of {@code notification-templates.yaml}: {@code {name}} stands for a value the
 * caller supplies (a process variable, or {@code caseNo}). A template or value that is missing is an
 * error naming it. A date-time (a deadline such as {@code dueAt}) reads as the county's clock shows it,
 * {@code 2026-12-11 23:59}, not as ISO-8601 text.
 */
@Component
public class NotificationTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

	private static final Pattern ISO_DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})");

	private final NotificationProperties properties;

	private final DateTimeFormatter countyTime;

	public NotificationTemplates(NotificationProperties properties, CalendarProperties calendar) {
		this.properties = properties;
		this.countyTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
	}

	/** A value as a notice shows it: date-times in county time. */
	String shown(Object value) {
		Instant instant = null;
		if (value instanceof Date date) {
			instant = date.toInstant();
		}
		else if (value instanceof Instant at) {
			instant = at;
		}
		else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.INSTANT_SECONDS)) {
			instant = Instant.from(temporal);
		}
		else if (value instanceof String text && ISO_DATE_TIME.matcher(text).matches()) {
			try {
				instant = OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
			}
			catch (DateTimeParseException notADate) {
				return text;
			}
		}
		return instant == null ? String.valueOf(value) : this.countyTime.format(instant);
	}

	public boolean exists(String key) {
		return this.properties.templates().containsKey(key);
	}

	/** Subject and body of the template {@code key} with its placeholders filled from {@code values}. */
	public Rendered render(String key, Function<String, Object> values) {
		NotificationProperties.Template template = this.properties.templates().get(key);
		if (template == null) {
			throw new IllegalArgumentException("no notification template '" + key + "'; known templates: "
					+ this.properties.templates().keySet());
		}
		return new Rendered(fill(key, template.subject(), values), fill(key, template.body(), values));
	}

	public record Rendered(String subject, String body) {
	}

	private String fill(String key, String text, Function<String, Object> values) {
		if (text == null) {
			return "";
		}
		Matcher placeholder = PLACEHOLDER.matcher(text);
		StringBuilder filled = new StringBuilder();
		while (placeholder.find()) {
			String name = placeholder.group(1);
			Object value = values.apply(name);
			if (value == null) {
				throw new IllegalArgumentException(
						"notification template '" + key + "' needs the value '" + name + "', which is not set");
			}
			placeholder.appendReplacement(filled, Matcher.quoteReplacement(shown(value)));
		}
		placeholder.appendTail(filled);
		return filled.toString();
	}

}
