package gov.county.platform.notification;

import java.util.List;

/**
 * A message to people. Each recipient is {@code user:<id>}, {@code group:<id>} (all members),
 * {@code head:<unit>} (the unit's head), {@code email:<address>} (someone outside the platform, such
 * as a submitter), or a bare user id, group id or e-mail address.
 *
 * @param dedupKey when set, a second notice with the same key to the same recipient is dropped
 */
public record Notice(String caseNo, List<String> recipients, String subject, String body, String dedupKey) {

	public Notice {
		recipients = List.copyOf(recipients);
	}

}
