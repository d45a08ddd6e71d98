package gov.county.platform.organization;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.Identities;

/**
 * The demo profile's people: for every group {@code G} a clerk {@code G-clerk}, every unit's head,
 * and {@code auditor}, {@code leader}, {@code supervisor} — all with the demo password. The
 * {@code admin} account is made by the security package, with the demo password in this profile.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentityService identity;

	private final OrganizationProperties organization;

	private final String password;

	public DemoUsers(IdentityService identity, OrganizationProperties organization,
			@Value("${platform.demo.password}") String password) {
		this.identity = identity;
		this.organization = organization;
		this.password = password;
	}

	@Order(25)
	@EventListener(ApplicationStartedEvent.class)
	public void createDemoUsers() {
		List<String> groups = new ArrayList<>(this.organization.units().stream().map(Unit::id).toList());
		groups.add(WellKnownGroups.AUDITORS);
		groups.add(WellKnownGroups.ADMINS);
		int created = 0;
		for (String group : groups) {
			String name = this.organization.unit(group).map(Unit::name).orElse(group);
			created += ensureUser(group + "-clerk", name, "办事员 clerk", group);
		}
		for (Unit unit : this.organization.units()) {
			if (unit.head() != null && !unit.head().isBlank()) {
				created += ensureUser(unit.head(), unit.name(), "负责人 head", unit.id());
			}
		}
		created += ensureUser("auditor", "纪检监察", "审计员 auditor", WellKnownGroups.AUDITORS);
		created += ensureUser("leader", "县领导", "leader", WellKnownGroups.COUNTY_LEADERS);
		created += ensureUser("supervisor", "督查室", "supervisor", WellKnownGroups.SUPERVISION_OFFICE);
		log.info("Demo profile: {} demo users created (password '{}')", created, this.password);
	}

	private int ensureUser(String id, String firstName, String lastName, String group) {
		int created = 0;
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@demo.county.invalid");
			user.setPassword(this.password);
			// demo passwords are simple on purpose; the password policy holds for everyone else
			Identities.saveWithoutPasswordPolicy(this.identity, user);
			created = 1;
		}
		if (this.identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			this.identity.createMembership(id, group);
		}
		return created;
	}

}
