package gov.county.platform.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.county.platform.card.CardProcess;
import gov.county.platform.ledger.EventType;
import gov.county.platform.ledger.EventTypes;
import gov.county.platform.rectification.RectificationProcess;
import gov.county.platform.survey.SurveyProcess;

/**
 * Writes the choice lists of the element templates an admin uses in Camunda Modeler from what the
 * code declares, so that the two cannot drift: "Write to the ledger" offers every ledger event a
 * process declares ({@link EventTypes}), "Notify people" every template of
 * {@code notification-templates.yaml}. The build runs it before the tests
 * ({@code process-classes}); {@code .ci/run} then checks that the committed templates are the
 * generated ones.
 *
 * <pre>java ... ElementTemplateChoices processes/.camunda/element-templates src/main/resources/notification-templates.yaml</pre>
 */
public final class ElementTemplateChoices {

	/** Every process's ledger events, in the order the dropdown lists them. */
	static final List<EventTypes> PROCESSES = List.of(CardProcess.EVENTS, RectificationProcess.EVENTS,
			SurveyProcess.EVENTS);

	static final String LEDGER_TEMPLATE = "ledger-entry.json";

	static final String NOTIFY_TEMPLATE = "notify.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ElementTemplateChoices() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: ElementTemplateChoices TEMPLATES_DIR NOTIFICATION_TEMPLATES_YAML");
		}
		Path templates = Path.of(args[0]);
		Map<String, String> notices = noticeLabels(Files.readString(Path.of(args[1])));
		rewrite(templates.resolve(LEDGER_TEMPLATE), text -> ledgerTemplate(text, PROCESSES));
		rewrite(templates.resolve(NOTIFY_TEMPLATE), text -> notifyTemplate(text, notices));
	}

	/** The ledger template with its {@code event} choices: one per event name, first label wins. */
	static String ledgerTemplate(String template, List<EventTypes> processes) {
		Map<String, String> choices = new LinkedHashMap<>();
		for (EventTypes process : processes) {
			for (EventType type : process.types()) {
				String label = type.label() + " (" + type.name() + ")";
				String earlier = choices.putIfAbsent(type.name(), label);
				if (earlier != null && !earlier.equals(label)) {
					throw new IllegalStateException("ledger event " + type.name() + " is named '" + earlier
							+ "' by one process and '" + label + "' by " + process.processKey()
							+ ": one event, one name");
				}
			}
		}
		return withChoices(template, "event", "请选择事件 / choose an event", choices);
	}

	/** The notify template with its {@code template} choices, labelled from each template's subject. */
	static String notifyTemplate(String template, Map<String, String> labels) {
		Map<String, String> choices = new LinkedHashMap<>();
		labels.forEach((key, label) -> choices.put(key, label + " (" + key + ")"));
		return withChoices(template, "template", "请选择模板 / choose a message", choices);
	}

	/**
	 * Each notification template and what it is about: its {@code label}, or else its subject without
	 * the case number and the case's own words ({@code [{caseNo}] 催办通知 Urging notice: {subject}} is
	 * "催办通知 Urging notice").
	 */
	static Map<String, String> noticeLabels(String yaml) {
		Map<String, Object> root = new Yaml().load(yaml);
		Map<String, Object> templates = child(child(child(root, "platform"), "notification"), "templates");
		Map<String, String> labels = new LinkedHashMap<>();
		templates.forEach((key, value) -> {
			Map<String, Object> fields = child(Map.of(key, value), key);
			if (fields.get("label") != null) {
				labels.put(key, String.valueOf(fields.get("label")).trim());
				return;
			}
			String label = String.valueOf(fields.get("subject")).replaceFirst("^\\[\\{caseNo}]\\s*", "");
			int colon = label.lastIndexOf(": {");
			labels.put(key, (colon > 0 ? label.substring(0, colon) : label).trim());
		});
		return labels;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Map<String, Object> node, String name) {
		Object value = node == null ? null : node.get(name);
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException("notification templates: '" + name + "' is missing or not a map");
		}
		return (Map<String, Object>) value;
	}

	private static String withChoices(String template, String binding, String prompt, Map<String, String> choices) {
		try {
			ObjectNode root = (ObjectNode) JSON.readTree(template);
			ObjectNode property = null;
			for (JsonNode candidate : root.withArray("properties")) {
				if (binding.equals(candidate.path("binding").path("name").asText())
						&& candidate.has("choices")) {
					property = (ObjectNode) candidate;
				}
			}
			if (property == null) {
				throw new IllegalArgumentException("the template has no dropdown bound to '" + binding + "'");
			}
			ArrayNode list = property.putArray("choices");
			list.addObject().put("name", prompt).put("value", "");
			choices.forEach((value, name) -> list.addObject().put("name", name).put("value", value));
			DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
				.withSeparators(Separators.createDefaultInstance()
					.withObjectFieldValueSpacing(Separators.Spacing.AFTER))
				.withObjectIndenter(new DefaultIndenter("  ", "\n"))
				.withArrayIndenter(new DefaultIndenter("  ", "\n"));
			return JSON.writer(printer).writeValueAsString(root) + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rewrite(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
		String before = Files.readString(file, StandardCharsets.UTF_8);
		String after = change.apply(before);
		if (!after.equals(before)) {
			Files.writeString(file, after, StandardCharsets.UTF_8);
		}
	}

	/** The notification templates as shipped, for tests. */
	static String shippedNotificationTemplates() throws IOException {
		try (InputStream in = ElementTemplateChoices.class.getResourceAsStream("/notification-templates.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
