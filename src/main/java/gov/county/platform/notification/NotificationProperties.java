package gov.county.platform.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address of e-mails
 * @param pollInterval how often the dispatcher looks for e-mails to send
 * @param maxAttempts after this many failed attempts an e-mail is marked FAILED
 * @param firstRetry the wait after the first failure; it doubles after each further one
 * @param maxRetry the longest wait between two attempts
 * @param claim how long a node holds an e-mail it is sending; when the node dies, another node (or the
 * restarted one) sends it again after this time. Longer than one send can take (the mail timeouts)
 * @param templates message templates by key, with {@code {variable}} placeholders
 */
@ConfigurationProperties("platform.notification")
public record NotificationProperties(String from, Duration pollInterval, int maxAttempts, Duration firstRetry,
		Duration maxRetry, Duration claim, Map<String, Template> templates) {

	public NotificationProperties {
		from = from == null ? "platform@county.invalid" : from;
		pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
		claim = claim == null ? Duration.ofMinutes(5) : claim;
		if (claim.isNegative() || claim.isZero()) {
			throw new IllegalArgumentException("platform.notification.claim must be a positive duration, was " + claim);
		}
		templates = templates == null ? Map.of() : Map.copyOf(templates);
	}

	/**
	 * @param label what the message is about, as Camunda Modeler's "Notify people" lists it
	 */
	public record Template(String label, String subject, String body) {
	}

}
