package gov.county.platform.notification;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Notify people" in a diagram ({@code camunda:delegateExpression="${notifyDelegate}"}). Input
 * parameters: {@code recipients} (comma-separated, see {@link Notice}) and {@code template} (a key of
 * notification-templates.yaml, filled from the process variables and {@code caseNo}).
 */
@Component("notifyDelegate")
public class NotifyDelegate implements JavaDelegate {

	static final String RECIPIENTS = "recipients";

	static final String TEMPLATE = "template";

	private final NotificationService notifications;

	private final NotificationTemplates templates;

	public NotifyDelegate(NotificationService notifications, NotificationTemplates templates) {
		this.notifications = notifications;
		this.templates = templates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		List<String> recipients = Arrays.stream(requiredInput(execution, RECIPIENTS).split(","))
			.map(String::trim)
			.filter(r -> !r.isEmpty())
			.toList();
		NotificationTemplates.Rendered message = this.templates.render(requiredInput(execution, TEMPLATE),
				name -> "caseNo".equals(name) ? caseNo : execution.getVariable(name));
		this.notifications.notify(new Notice(caseNo, recipients, message.subject(), message.body(),
				execution.getProcessInstanceId() + "/" + execution.getActivityInstanceId()));
	}

	private static String requiredInput(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("'" + execution.getCurrentActivityName() + "' ("
					+ execution.getCurrentActivityId() + ") needs the input parameter '" + name + "'");
		}
		return value.toString();
	}

}
