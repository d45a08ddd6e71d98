package gov.county.platform.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The administrators' part of the platform API: the audit trail for the audit administrators
 * ({@code GET /api/audit}, {@code GET /api/audit/verify}), and lifting a lockout for the security
 * administrators ({@code POST /api/admin/users/{userId}/unlock}).
 */
@RestController
class AuditController {

	private final AuditTrail audit;

	private final IdentityService identity;

	private final Directory directory;

	AuditController(AuditTrail audit, IdentityService identity, Directory directory) {
		this.audit = audit;
		this.identity = identity;
		this.directory = directory;
	}

	@GetMapping("/api/audit")
	AuditTrail.AuditPage page(PlatformUser user, @RequestParam(required = false) String event,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		requireGroup(user, WellKnownGroups.AUDIT_ADMINS, "安全审计员 audit administrators");
		ApiProblem.checkPaging(page, size);
		if (event != null) {
			try {
				AuditEventType.valueOf(event);
			}
			catch (IllegalArgumentException unknown) {
				throw ApiProblem.badRequest("event", "'event' must be one of " + java.util.Arrays.toString(AuditEventType.values()));
			}
		}
		return this.audit.page(event, actor, subject, instant("from", from), instant("to", to), page, size);
	}

	@GetMapping("/api/audit/verify")
	AuditTrail.AuditVerification verify(PlatformUser user) {
		requireGroup(user, WellKnownGroups.AUDIT_ADMINS, "安全审计员 audit administrators");
		return this.audit.verify();
	}

	/** Lifts a lockout before it expires. Camunda's own unlock is for its superusers, which the platform has none of. */
	@PostMapping("/api/admin/users/{userId}/unlock")
	Map<String, Object> unlock(PlatformUser user, @PathVariable String userId) {
		requireGroup(user, WellKnownGroups.SECURITY_ADMINS, "安全管理员 security administrators");
		if (!this.directory.userExists(userId)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "userId", "No user '" + userId + "'");
		}
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			this.identity.unlockUser(userId);
		}
		finally {
			this.identity.setAuthentication(caller);
		}
		this.audit.record(AuditEventType.USER_UNLOCKED, user.id(), userId, "lockout lifted by a security administrator");
		return Map.of("userId", userId, "unlocked", true);
	}

	private static void requireGroup(PlatformUser user, String group, String who) {
		if (!user.groups().contains(group)) {
			throw ApiProblem.forbidden("只有" + who + "可以使用此功能。 Only " + who + " may do this.");
		}
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest(field, "'" + field + "' must be a date-time with offset such as 2026-03-01T08:00:00+08:00");
		}
	}

}
