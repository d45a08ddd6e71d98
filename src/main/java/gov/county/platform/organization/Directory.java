package gov.county.platform.organization;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who is who: users, groups and memberships as the engine's identity service keeps them, read
 * without the current user's authorizations (a clerk's completion may notify a whole unit).
 */
@Component
public class Directory {

	private final IdentityService identity;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final OrganizationProperties organization;

	public Directory(IdentityService identity, ProcessEngineConfigurationImpl engineConfiguration,
			OrganizationProperties organization) {
		this.identity = identity;
		this.engineConfiguration = engineConfiguration;
		this.organization = organization;
	}

	public boolean userExists(String userId) {
		return userId != null && user(userId).isPresent();
	}

	public boolean groupExists(String groupId) {
		return groupId != null
				&& privileged(() -> this.identity.createGroupQuery().groupId(groupId).count() > 0);
	}

	public Optional<User> user(String userId) {
		return Optional.ofNullable(privileged(() -> this.identity.createUserQuery().userId(userId).singleResult()));
	}

	/** How people read a user: "王某 (township-labao-clerk)", or the id alone for the system and unknown users. */
	public String displayName(String userId) {
		return user(userId)
			.map(u -> ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
					+ (u.getLastName() == null ? "" : u.getLastName())).trim())
			.filter(name -> !name.isEmpty())
			.map(name -> name + " (" + userId + ")")
			.orElse(userId);
	}

	public List<String> membersOf(String groupId) {
		return members(groupId).stream().map(User::getId).toList();
	}

	/** The members of a group with their names and e-mail addresses, by user id; none for an unknown group. */
	public List<User> members(String groupId) {
		return privileged(() -> this.identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
	}

	public List<String> groupsOf(String userId) {
		return privileged(() -> this.identity.createGroupQuery().groupMember(userId).list())
			.stream()
			.map(Group::getId)
			.toList();
	}

	/** The head of a unit of the organisation chart, when the chart names one. */
	public Optional<String> headOf(String unitId) {
		return this.organization.unit(unitId).map(Unit::head).filter(head -> !head.isBlank());
	}

	public Optional<Unit> unit(String unitId) {
		return this.organization.unit(unitId);
	}

	public List<Unit> units() {
		return this.organization.units();
	}

	private <T> T privileged(Supplier<T> query) {
		return this.engineConfiguration.getCommandExecutorTxRequired().execute((CommandContext context) -> {
			boolean checking = context.isAuthorizationCheckEnabled();
			context.disableAuthorizationCheck();
			try {
				return query.get();
			}
			finally {
				if (checking) {
					context.enableAuthorizationCheck();
				}
			}
		});
	}

}
