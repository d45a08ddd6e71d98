package gov.county.platform.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale of each Camunda webapp against the English one of the webjar on the classpath
 * (Camunda 7.24): every string translated, with its placeholders and HTML tags kept.
 */
class WebappLocaleTests {

	private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

	/** Angular-translate parameters ({{name}}, {{ name }}), moment's %d and %s, and a bare {}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[ds]|\\{}");

	/** Markup the webapps render as HTML (not "<null>" and the like, which are text). */
	private static final Pattern HTML_TAG = Pattern.compile("</?(a|b|br|code|em|i|p|span|strong)\\b[^>]*>");

	/** English's plural ending, a separate string in Cockpit's batch dialogs; Chinese has none. */
	private static final String PLURAL_ENDING = "s";

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void everyEnglishStringHasAChineseOne(String app) throws IOException {
		Map<String, JsonNode> english = flatten(read(app, "en"));
		Map<String, JsonNode> chinese = flatten(read(app, "zh"));

		assertThat(chinese.keySet()).as("%s: zh.json has exactly en.json's keys", app)
			.containsExactlyInAnyOrderElementsOf(english.keySet());
		List<String> untranslated = new ArrayList<>();
		english.forEach((key, value) -> {
			JsonNode zh = chinese.get(key);
			if (!value.isTextual()) {
				assertThat(zh).as("%s: %s", app, key).isEqualTo(value);
			}
			else if (zh == null || !zh.isTextual() || (zh.asText().isBlank() && mustBeTranslated(value.asText()))) {
				untranslated.add(key);
			}
		});
		assertThat(untranslated).as("%s: keys without a Chinese text", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void placeholdersAndMarkupSurviveTheTranslation(String app) throws IOException {
		Map<String, JsonNode> english = flatten(read(app, "en"));
		Map<String, JsonNode> chinese = flatten(read(app, "zh"));

		Map<String, String> lost = new LinkedHashMap<>();
		english.forEach((key, value) -> {
			String zh = chinese.containsKey(key) ? chinese.get(key).asText() : "";
			if (!all(PLACEHOLDER, value.asText()).equals(all(PLACEHOLDER, zh))
					|| !all(HTML_TAG, value.asText()).equals(all(HTML_TAG, zh))) {
				lost.put(key, value.asText() + " => " + zh);
			}
		});
		assertThat(lost).as("%s: placeholders or HTML tags that differ", app).isEmpty();
	}

	private static boolean mustBeTranslated(String english) {
		return !english.isBlank() && !english.equals(PLURAL_ENDING);
	}

	private JsonNode read(String app, String language) throws IOException {
		String name = LOCALES.formatted(app, language);
		URL resource = getClass().getClassLoader().getResource(name);
		assertThat(resource).as(name + " on the classpath").isNotNull();
		// the webjar's files start with a byte order mark, which Jackson skips
		try (InputStream in = resource.openStream()) {
			return this.json.readTree(in);
		}
	}

	/** Every leaf of a locale file by its path (labels.CLAIM_TASK, dateLocales.months[0]). */
	private static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> leaves = new LinkedHashMap<>();
		flatten("", root, leaves);
		return leaves;
	}

	private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			node.properties()
				.forEach(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
						field.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path, node);
		}
	}

	private static Set<String> all(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

}
