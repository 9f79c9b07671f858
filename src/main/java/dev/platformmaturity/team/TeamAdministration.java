package dev.platformmaturity.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.account.PersonInfo;
import dev.platformmaturity.shared.FieldProblem;
import dev.platformmaturity.shared.SearchTerms;

/** Administrators create, change and disable groups and teams, and manage memberships. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class TeamAdministration {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final TeamGroupRepository groups;

	private final TeamRepository teams;

	private final MembershipRepository memberships;

	private final Accounts accounts;

	TeamAdministration(TeamGroupRepository groups, TeamRepository teams, MembershipRepository memberships,
			Accounts accounts) {
		this.groups = groups;
		this.teams = teams;
		this.memberships = memberships;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	Page<GroupSummary> groups(String search, Pageable pageable) {
		return groups.search(SearchTerms.likePattern(search), pageable);
	}

	@Transactional(readOnly = true)
	List<GroupInfo> enabledGroups() {
		return groups.findByEnabledTrueOrderByName().stream().map(TeamGroup::info).toList();
	}

	@Transactional(readOnly = true)
	TeamGroup group(long id) {
		return groups.findById(id).orElseThrow(() -> new GroupNotFoundException(id));
	}

	@Transactional
	public GroupInfo createGroup(String name) {
		String stripped = name.strip();
		if (groups.findByNameIgnoreCase(stripped).isPresent()) {
			throw new InvalidInputException(new FieldProblem("name", "group.name.taken", stripped));
		}
		return groups.saveAndFlush(new TeamGroup(stripped)).info();
	}

	@Transactional
	GroupInfo updateGroup(long id, long expectedVersion, String name, boolean enabled) {
		TeamGroup group = group(id);
		requireVersion(group.version(), expectedVersion, TeamGroup.class, id);
		String stripped = name.strip();
		if (groups.findOtherByName(stripped, id).isPresent()) {
			throw new InvalidInputException(new FieldProblem("name", "group.name.taken", stripped));
		}
		group.update(stripped, enabled);
		return groups.saveAndFlush(group).info();
	}

	@Transactional(readOnly = true)
	Page<TeamSummary> teams(String search, Long groupId, Pageable pageable) {
		return teams.search(SearchTerms.likePattern(search), groupId, true, pageable);
	}

	@Transactional(readOnly = true)
	Team team(String slug) {
		return teams.findBySlug(slug).orElseThrow(() -> new TeamNotFoundException(slug));
	}

	/** Problems of a new team's slug and name, without changing anything. */
	@Transactional(readOnly = true)
	List<FieldProblem> teamProblems(String slug, String name) {
		return teamProblems(slug, name, teams::existsBySlug);
	}

	/**
	 * The same, with a question for taken slugs that can be answered for many teams at
	 * once (imports).
	 */
	List<FieldProblem> teamProblems(String slug, String name, Predicate<String> slugTaken) {
		List<FieldProblem> problems = new ArrayList<>();
		if (slug == null || !SLUG.matcher(slug).matches() || slug.length() > 64) {
			problems.add(new FieldProblem("slug", "team.slug.invalid"));
		}
		else if (slugTaken.test(slug)) {
			problems.add(new FieldProblem("slug", "team.slug.taken", slug));
		}
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "team.name.required"));
		}
		return problems;
	}

	@Transactional
	public TeamRef createTeam(String slug, String name, Long groupId) {
		List<FieldProblem> problems = new ArrayList<>(teamProblems(slug, name));
		if (groupId == null || groups.findById(groupId).isEmpty()) {
			problems.add(new FieldProblem("groupId", "team.group.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return teams.saveAndFlush(new Team(slug, name.strip(), group(groupId))).ref();
	}

	@Transactional
	TeamRef updateTeam(String slug, long expectedVersion, String name, long groupId, boolean enabled) {
		Team team = team(slug);
		requireVersion(team.version(), expectedVersion, Team.class, team.id());
		TeamGroup group = groups.findById(groupId)
			.orElseThrow(() -> new InvalidInputException(new FieldProblem("groupId", "team.group.unknown")));
		team.update(name.strip(), group, enabled);
		return teams.saveAndFlush(team).ref();
	}

	@Transactional
	public PersonInfo addMember(String slug, String username) {
		Team team = team(slug);
		PersonInfo person = accounts.findByUsername(username)
			.orElseThrow(() -> new InvalidInputException(
					new FieldProblem("username", "membership.person.unknown", username)));
		if (memberships.existsByPersonIdAndTeamId(person.id(), team.id())) {
			throw new InvalidInputException(new FieldProblem("username", "membership.exists", person.username()));
		}
		memberships.save(new Membership(person.id(), team.id()));
		return person;
	}

	/**
	 * Who could join the team: enabled people, not members yet, whose username, name or
	 * e-mail contains what was typed; by name, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	List<PersonInfo> candidates(String slug, String typed, int limit) {
		Set<Long> members = new HashSet<>(memberships.memberIds(team(slug).id()));
		return accounts.lookup(typed, limit + members.size())
			.stream()
			.filter(person -> !members.contains(person.id()))
			.limit(limit)
			.toList();
	}

	/**
	 * Removes a member; a person who is not a member of the team is refused rather than
	 * reported as removed.
	 */
	@Transactional
	void removeMember(String slug, long personId) {
		Team team = team(slug);
		if (memberships.remove(personId, team.id()) == 0) {
			throw new InvalidInputException(new FieldProblem("personId", "membership.notMember", team.ref().name()));
		}
	}

	private static void requireVersion(long actual, long expected, Class<?> type, long id) {
		if (actual != expected) {
			throw new ObjectOptimisticLockingFailureException(type, id);
		}
	}

}
