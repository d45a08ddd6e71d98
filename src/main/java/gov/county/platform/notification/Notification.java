package gov.county.platform.notification;

import java.time.Instant;

/** A notification as the API shows it. {@code channel} is INBOX or EMAIL. */
public record Notification(long id, String recipient, String channel, String subject, String body, String caseNo,
		Instant createdAt, String status) {
}
