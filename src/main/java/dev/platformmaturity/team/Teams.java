package dev.platformmaturity.team;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.account.Role;

/** Teams and their members: what other modules and the team pages may ask. */
@Service
public class Teams {

	private final TeamRepository teams;

	private final MembershipRepository memberships;

	private final Accounts accounts;

	private final TeamGroupRepository groups;

	Teams(TeamRepository teams, MembershipRepository memberships, Accounts accounts, TeamGroupRepository groups) {
		this.teams = teams;
		this.memberships = memberships;
		this.accounts = accounts;
		this.groups = groups;
	}

	/** The active groups, by name. */
	@Transactional(readOnly = true)
	public List<GroupInfo> groups() {
		return groups.findByEnabledTrueOrderByName().stream().map(TeamGroup::info).toList();
	}

	/** A group by id, else {@link GroupNotFoundException}. */
	@Transactional(readOnly = true)
	public GroupInfo group(long id) {
		return groups.findById(id).map(TeamGroup::info).orElseThrow(() -> new GroupNotFoundException(id));
	}

	/** The team, if the caller may read it; else {@link TeamNotFoundException}. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#slug)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public TeamRef team(String slug) {
		return teams.findBySlug(slug).map(Team::ref).orElseThrow(() -> new TeamNotFoundException(slug));
	}

	/** The team's members, if the caller may read the team. */
	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#slug)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public List<PersonInfo> members(String slug) {
		Team team = teams.findBySlug(slug).orElseThrow(() -> new TeamNotFoundException(slug));
		return accounts.findAll(memberships.memberIds(team.id()))
			.values()
			.stream()
			.sorted(Comparator.comparing(PersonInfo::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * The teams the person may see: their own as a member, every enabled team as a lead
	 * or administrator.
	 */
	@Transactional(readOnly = true)
	public List<TeamSummary> visibleTeams(AccountUser user) {
		return user.has(Role.LEAD) ? teams.enabledSummaries() : teams.summariesOfMember(user.personId());
	}

	/** The enabled teams the person belongs to. */
	@Transactional(readOnly = true)
	public List<TeamSummary> teamsOf(long personId) {
		return teams.summariesOfMember(personId);
	}

	/** Look-up without access check, for services that check access themselves. */
	@Transactional(readOnly = true)
	public Optional<TeamRef> findBySlug(String slug) {
		return teams.findBySlug(slug).map(Team::ref);
	}

}
