package gov.county.platform.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;

/**
 * Who may do what, as Camunda group authorizations, granted at every start (adding what is missing,
 * never taking away what an admin granted):
 * <ul>
 * <li>every unit: Tasklist, start the processes a clerk may start (the county platform also those
 * only it starts, such as a satisfaction survey), read process diagrams and the
 * people directory. Its own tasks it sees and completes through the engine's task grants to
 * candidate groups ({@code TASK_WORK}); other units' tasks it cannot see.</li>
 * <li>{@code auditors}: Cockpit, read-only — definitions, instances, tasks, history, decisions; no
 * change of any task or instance.</li>
 * <li>{@code camunda-admin}: everything.</li>
 * </ul>
 */
@Component
class AuthorizationSetup {

	static final String ANY = Authorization.ANY;

	private final AuthorizationService authorizations;

	private final OrganizationProperties organization;

	private final SecurityProperties security;

	AuthorizationSetup(AuthorizationService authorizations, OrganizationProperties organization,
			SecurityProperties security) {
		this.authorizations = authorizations;
		this.organization = organization;
		this.security = security;
	}

	@Order(50)
	@EventListener(ApplicationStartedEvent.class)
	public void grant() {
		for (Resources resource : Resources.values()) {
			grant(WellKnownGroups.ADMINS, resource, ANY, ALL);
		}
		for (Unit unit : this.organization.units()) {
			String group = unit.id();
			grant(group, Resources.APPLICATION, "tasklist", ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, ANY, READ);
			grant(group, Resources.DECISION_DEFINITION, ANY, READ);
			grant(group, Resources.USER, ANY, READ);
			grant(group, Resources.GROUP, ANY, READ);
			grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE);
			for (String processKey : this.security.clerkStartableProcesses()) {
				grant(group, Resources.PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
			}
		}
		for (String processKey : this.security.countyPlatformProcesses()) {
			grant(WellKnownGroups.COUNTY_PLATFORM, Resources.PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
		}
		String auditors = WellKnownGroups.AUDITORS;
		grant(auditors, Resources.APPLICATION, "cockpit", ACCESS);
		grant(auditors, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
		grant(auditors, Resources.PROCESS_INSTANCE, ANY, READ);
		grant(auditors, Resources.TASK, ANY, READ);
		grant(auditors, Resources.DEPLOYMENT, ANY, READ);
		grant(auditors, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
		grant(auditors, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
		grant(auditors, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
		grant(auditors, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
		grant(auditors, Resources.USER, ANY, READ);
		grant(auditors, Resources.GROUP, ANY, READ);
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = existing != null ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		boolean missing = existing == null
				|| Arrays.stream(permissions).anyMatch(permission -> !existing.isPermissionGranted(permission));
		if (!missing) {
			return;
		}
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
	}

}
