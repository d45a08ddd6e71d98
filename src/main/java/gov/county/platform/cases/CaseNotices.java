package gov.county.platform.cases;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.notification.NotificationTemplates;

/**
 * A notice of a case from one of the templates an admin edits
 * ({@code notification-templates.yaml}): {@code caseNo} and the case's values filled in, sent once
 * per {@code dedupKey}.
 */
@Service
public class CaseNotices {

	private final NotificationTemplates templates;

	private final NotificationService notifications;

	public CaseNotices(NotificationTemplates templates, NotificationService notifications) {
		this.templates = templates;
		this.notifications = notifications;
	}

	public NotificationTemplates.Rendered render(String caseNo, String template, Map<String, ?> values) {
		return this.templates.render(template, name -> name.equals("caseNo") ? caseNo : values.get(name));
	}

	public void send(String caseNo, String template, Map<String, ?> values, List<String> recipients,
			String dedupKey) {
		NotificationTemplates.Rendered message = render(caseNo, template, values);
		this.notifications.notify(new Notice(caseNo, recipients, message.subject(), message.body(), dedupKey));
	}

}
