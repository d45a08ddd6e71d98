package gov.county.platform.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.security.PlatformUser;

/** {@code GET /api/notifications}: the caller's inbox, newest first. */
@RestController
class NotificationController {

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	List<Notification> inbox(PlatformUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		ApiProblem.checkPaging(page, size);
		return this.notifications.inbox(user.id(), user.groups(), page, size);
	}

}
