package gov.county.platform.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;

/**
 * Who may do what, as Camunda group authorizations, granted at every start (adding what is missing,
 * never taking away what a security administrator granted):
 * <ul>
 * <li>every unit: Tasklist, start the processes a clerk may start (the county platform also those
 * only it starts, such as a satisfaction survey), read process diagrams, decision tables and the
 * units (not the people: user lists are for administrators). Its own tasks it sees and completes
 * through the engine's task grants to candidate groups ({@code UPDATE}, kept within the unit and the process's deadlines by tasklist/TaskGuards); other units' tasks it
 * cannot see.</li>
 * <li>{@code auditors}: Cockpit, read-only — definitions, instances, tasks, history, decisions.</li>
 * <li>the three administrators, apart (三员分立): {@code camunda-admin}, the system administrator,
 * everything but grants, memberships, password changes of others and the deletion of history or of
 * what holds history (deployments, definitions); {@code security-admins}, users, memberships and
 * grants; {@code audit-admins}, Cockpit read-only and the deletion of history (the audit trail is
 * theirs too, through the platform API).</li>
 * </ul>
 * A database set up by an earlier release, whose {@code camunda-admin} held every right and whose
 * units could list every user, is brought to this once (recorded in the audit trail).
 */
@Component
class AuthorizationSetup {

	static final String ANY = Authorization.ANY;

	/** The version of the platform's own grants a database has; kept as an engine property. */
	static final String GRANTS_VERSION_PROPERTY = "platform.grants.version";

	static final int GRANTS_VERSION = 2;

	private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

	/** What the system administrator may not do, by resource: the security and audit administrators' part. */
	private static final Map<Resources, Set<String>> NOT_FOR_SYSTEM_ADMINISTRATORS = Map.of(Resources.USER,
			Set.of("UPDATE", "DELETE"), Resources.DEPLOYMENT, Set.of("DELETE"), Resources.PROCESS_DEFINITION,
			Set.of("DELETE"), Resources.OPERATION_LOG_CATEGORY, Set.of("DELETE"));

	/** Resources the system administrator has no grant on at all, or only to read. */
	private static final Set<Resources> READ_ONLY_FOR_SYSTEM_ADMINISTRATORS = Set.of(Resources.AUTHORIZATION,
			Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK);

	private static final Set<Resources> NONE_FOR_SYSTEM_ADMINISTRATORS = Set.of(Resources.GROUP_MEMBERSHIP,
			Resources.TENANT_MEMBERSHIP);

	private final AuthorizationService authorizations;

	private final ManagementService management;

	private final ProcessEngineConfigurationImpl engine;

	private final OrganizationProperties organization;

	private final SecurityProperties security;

	private final AuditTrail audit;

	AuthorizationSetup(AuthorizationService authorizations, ManagementService management,
			ProcessEngineConfigurationImpl engine, OrganizationProperties organization, SecurityProperties security,
			AuditTrail audit) {
		this.authorizations = authorizations;
		this.management = management;
		this.engine = engine;
		this.organization = organization;
		this.security = security;
		this.audit = audit;
	}

	@Order(50)
	@EventListener(ApplicationStartedEvent.class)
	public void grant() {
		migrateEarlierGrants();
		grantSystemAdministrators();
		grantSecurityAdministrators();
		grantAuditAdministrators();
		for (Unit unit : this.organization.units()) {
			String group = unit.id();
			grant(group, Resources.APPLICATION, "tasklist", ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, ANY, READ);
			grant(group, Resources.DECISION_DEFINITION, ANY, READ);
			grant(group, Resources.GROUP, ANY, READ);
			grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE);
			for (String processKey : this.security.clerkStartableProcesses()) {
				grant(group, Resources.PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
			}
		}
		for (String processKey : this.security.countyPlatformProcesses()) {
			grant(WellKnownGroups.COUNTY_PLATFORM, Resources.PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
		}
		// the county offices read every case in Cockpit's Cases (案件) page; Cockpit's own pages show them
		// nothing more than their process-definition grants allow
		for (String office : WellKnownGroups.COUNTY_OFFICES) {
			grant(office, Resources.APPLICATION, "cockpit", ACCESS);
			// and every unit's tasks in Tasklist's county-wide filters (overdue, due soon, handed up): to read
			grant(office, Resources.TASK, ANY, READ);
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
		grant(auditors, Resources.GROUP, ANY, READ);
	}

	/** Every right on every resource, but the security and audit administrators' part. */
	private void grantSystemAdministrators() {
		for (Resources resource : Resources.values()) {
			if (NONE_FOR_SYSTEM_ADMINISTRATORS.contains(resource)) {
				continue;
			}
			Set<String> withheld = NOT_FOR_SYSTEM_ADMINISTRATORS.getOrDefault(resource, Set.of());
			Permission[] permissions = Arrays
				.stream(this.engine.getPermissionProvider().getPermissionsForResource(resource.resourceType()))
				.filter(p -> !p.getName().equals("NONE") && !p.getName().equals("ALL"))
				.filter(p -> Arrays.asList(p.getTypes()).contains(resource))
				.filter(p -> !p.getName().equals(DELETE_HISTORY.getName()) && !withheld.contains(p.getName()))
				.filter(p -> !READ_ONLY_FOR_SYSTEM_ADMINISTRATORS.contains(resource) || p.getName().equals("READ"))
				.toArray(Permission[]::new);
			grant(WellKnownGroups.ADMINS, resource, ANY, permissions);
		}
	}

	private void grantSecurityAdministrators() {
		String security = WellKnownGroups.SECURITY_ADMINS;
		grant(security, Resources.APPLICATION, "admin", ACCESS);
		grant(security, Resources.USER, ANY, ALL);
		grant(security, Resources.GROUP, ANY, READ);
		grant(security, Resources.GROUP_MEMBERSHIP, ANY, ALL);
		grant(security, Resources.TENANT, ANY, READ);
		grant(security, Resources.TENANT_MEMBERSHIP, ANY, ALL);
		grant(security, Resources.AUTHORIZATION, ANY, ALL);
	}

	private void grantAuditAdministrators() {
		String audit = WellKnownGroups.AUDIT_ADMINS;
		grant(audit, Resources.APPLICATION, "cockpit", ACCESS);
		grant(audit, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK, DELETE_HISTORY,
				DELETE);
		grant(audit, Resources.DEPLOYMENT, ANY, READ, DELETE);
		grant(audit, Resources.PROCESS_INSTANCE, ANY, READ);
		grant(audit, Resources.TASK, ANY, READ);
		grant(audit, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY, DELETE_HISTORY);
		grant(audit, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
		grant(audit, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
		grant(audit, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
		grant(audit, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ,
				UserOperationLogCategoryPermissions.DELETE);
		grant(audit, Resources.BATCH, ANY, BatchPermissions.READ_HISTORY, BatchPermissions.DELETE_HISTORY);
		grant(audit, Resources.GROUP, ANY, READ);
	}

	/**
	 * Once per database: takes away the grants an earlier release gave and this one does not —
	 * {@code camunda-admin}'s every right on every resource, and every unit's and the auditors' right
	 * to list all users.
	 */
	private void migrateEarlierGrants() {
		int version = Integer.parseInt(this.management.getProperties().getOrDefault(GRANTS_VERSION_PROPERTY, "1"));
		if (version >= GRANTS_VERSION) {
			return;
		}
		int removed = 0;
		for (Authorization old : this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(WellKnownGroups.ADMINS)
			.resourceId(ANY)
			.list()) {
			if (old.isEveryPermissionGranted()) {
				this.authorizations.deleteAuthorization(old.getId());
				removed++;
			}
		}
		List<String> userListers = new ArrayList<>(this.organization.units().stream().map(Unit::id).toList());
		userListers.add(WellKnownGroups.AUDITORS);
		for (Authorization old : this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(userListers.toArray(String[]::new))
			.resourceType(Resources.USER)
			.resourceId(ANY)
			.list()) {
			this.authorizations.deleteAuthorization(old.getId());
			removed++;
		}
		this.management.setProperty(GRANTS_VERSION_PROPERTY, Integer.toString(GRANTS_VERSION));
		if (removed > 0) {
			this.audit.record(AuditEventType.GRANTS_MIGRATED, null, WellKnownGroups.ADMINS, removed
					+ " grants of an earlier release removed: camunda-admin's every right (now apart from the security "
					+ "and audit administrators'), and the units' and auditors' listing of every user");
			log.info("Removed {} grants of an earlier release (system administrators' every right, units listing users)",
					removed);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		if (permissions.length == 0) {
			return;
		}
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
