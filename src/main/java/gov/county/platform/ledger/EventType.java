package gov.county.platform.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A kind of ledger event a process writes: each process declares its own as an enum
 * ({@code CardEvent}, {@code RectificationEvent}, {@code SurveyEvent}), registered as
 * {@link EventTypes}. Their names for people, in Chinese and English, are in
 * {@code ledger-events.properties} (one event, one name, whichever process writes it). The element
 * template "Write to the ledger" offers exactly these (written at build time by
 * {@code deployment/ElementTemplateChoices}).
 */
public interface EventType {

	/** As stored in the ledger, e.g. {@code FILED}. */
	String name();

	/** 中文名称, e.g. 登记; the event's own name where the file has none. */
	default String chinese() {
		return Names.NAMES.getProperty(name() + ".zh", name());
	}

	/** The English name, e.g. Filed; the event's own name where the file has none. */
	default String english() {
		return Names.NAMES.getProperty(name() + ".en", name());
	}

	/** As a clerk reads it: {@code 登记 Filed}. */
	default String label() {
		return chinese() + " " + english();
	}

	/** The label of an event stored in the ledger, by its name: {@code 登记 Filed}, or the name itself. */
	static String labelOf(String event) {
		String chinese = Names.NAMES.getProperty(event + ".zh");
		String english = Names.NAMES.getProperty(event + ".en");
		return chinese == null || english == null ? event : chinese + " " + english;
	}

	/** Whether {@code ledger-events.properties} names it in both languages. */
	default boolean named() {
		return Names.NAMES.containsKey(name() + ".zh") && Names.NAMES.containsKey(name() + ".en");
	}

	/** {@code ledger-events.properties}, read once. */
	final class Names {

		static final Properties NAMES = load();

		private Names() {
		}

		private static Properties load() {
			Properties names = new Properties();
			try (InputStream in = EventType.class.getResourceAsStream("/ledger-events.properties")) {
				if (in == null) {
					throw new IllegalStateException("ledger-events.properties is missing from the classpath");
				}
				names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return names;
		}

	}

}
