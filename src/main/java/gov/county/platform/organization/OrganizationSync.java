package gov.county.platform.organization;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the engine's groups in line with the organisation chart at every start: creates missing
 * units and the system groups, updates names and types. It never deletes a group: a unit dropped
 * from the chart keeps its history and its members until an admin removes it.
 */
@Component
public class OrganizationSync {

	/** The Camunda group type of groups that are not units. */
	public static final String SYSTEM_GROUP_TYPE = "SYSTEM";

	private static final Logger log = LoggerFactory.getLogger(OrganizationSync.class);

	private final IdentityService identity;

	private final OrganizationProperties organization;

	private final Directory directory;

	public OrganizationSync(IdentityService identity, OrganizationProperties organization, Directory directory) {
		this.identity = identity;
		this.organization = organization;
		this.directory = directory;
	}

	@Order(20)
	@EventListener(ApplicationStartedEvent.class)
	public void synchronise() {
		int created = 0;
		int updated = 0;
		for (Unit unit : this.organization.units()) {
			switch (ensureGroup(unit.id(), unit.name(), unit.type().name())) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case UNCHANGED -> {
				}
			}
		}
		ensureGroup(WellKnownGroups.AUDITORS, "纪检监察审计 Auditors (discipline inspection)", SYSTEM_GROUP_TYPE);
		ensureGroup(WellKnownGroups.ADMINS, "系统管理员 System administrators", SYSTEM_GROUP_TYPE);
		ensureGroup(WellKnownGroups.SECURITY_ADMINS, "安全管理员 Security administrators", SYSTEM_GROUP_TYPE);
		ensureGroup(WellKnownGroups.AUDIT_ADMINS, "安全审计员 Audit administrators", SYSTEM_GROUP_TYPE);
		log.info("Organisation chart of {}: {} units ({} created, {} updated)", this.organization.county(),
				this.organization.units().size(), created, updated);
	}

	/** After every start step (demo users included): one warning naming the heads nobody can reach. */
	@EventListener(ApplicationReadyEvent.class)
	public void warnAboutMissingHeads() {
		List<String> missing = this.organization.units()
			.stream()
			.filter(unit -> unit.head() != null && !unit.head().isBlank() && !this.directory.userExists(unit.head()))
			.map(unit -> unit.id() + " -> " + unit.head())
			.toList();
		if (!missing.isEmpty()) {
			log.warn("The organisation chart names unit heads who are not users yet; escalations to them go nowhere "
					+ "until an admin creates them: {}", missing);
		}
	}

	private enum Change {

		CREATED, UPDATED, UNCHANGED

	}

	private Change ensureGroup(String id, String name, String type) {
		Group group = this.identity.createGroupQuery().groupId(id).singleResult();
		if (group == null) {
			group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identity.saveGroup(group);
			return Change.CREATED;
		}
		if (Objects.equals(group.getName(), name) && Objects.equals(group.getType(), type)) {
			return Change.UNCHANGED;
		}
		group.setName(name);
		group.setType(type);
		this.identity.saveGroup(group);
		return Change.UPDATED;
	}

}
