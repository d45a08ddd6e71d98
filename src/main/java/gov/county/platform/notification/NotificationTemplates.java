package gov.county.platform.notification;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Fills a template of {@code notification-templates.yaml}: {@code {name}} stands for a value the
 * caller supplies (a process variable, or {@code caseNo}). A template or value that is missing is an
 * error naming it.
 */
@Component
public class NotificationTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

	private final NotificationProperties properties;

	public NotificationTemplates(NotificationProperties properties) {
		this.properties = properties;
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

	private static String fill(String key, String text, Function<String, Object> values) {
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
			placeholder.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(value)));
		}
		placeholder.appendTail(filled);
		return filled.toString();
	}

}
