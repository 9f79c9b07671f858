package dev.platformmaturity.team;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.account.Role;

/**
 * Who may see and change a team's data. Members: the enabled teams they belong to. Leads
 * and administrators read every team; administrators also change every team's data. Used
 * in method security as {@code @teamAccess} and by the web layer before a request reaches
 * a controller. Within one web request each look-up runs once: the interceptor and the
 * method security of the same request ask the same questions.
 */
@Component("teamAccess")
public class TeamAccess {

	/**
	 * The membership rule of {@link #canRead} and {@link #canEdit} as an SQL condition,
	 * for a statement that checks it together with the rest of its work: the person
	 * {@code :person} is a member of the enabled team {@code t}.
	 */
	public static final String MEMBER_OF_TEAM = """
			(t.enabled and exists (select 1 from membership m where m.team_id = t.id and m.person_id = :person))""";

	private final TeamRepository teams;

	private final RoleHierarchy roles;

	TeamAccess(TeamRepository teams, RoleHierarchy roles) {
		this.teams = teams;
		this.roles = roles;
	}

	public boolean canRead(String slug) {
		return has(Role.LEAD) ? exists(slug) : isMember(slug);
	}

	/**
	 * Refuses a team the caller may not read as if it did not exist (404), so that no
	 * answer reveals whether it exists.
	 */
	public void requireReadable(String slug) {
		if (!canRead(slug)) {
			throw new TeamNotFoundException(slug);
		}
	}

	/** Change the team's assessments: its members, and administrators. */
	public boolean canEdit(String slug) {
		return has(Role.ADMIN) ? exists(slug) : isMember(slug);
	}

	/**
	 * Whether the caller changes every team's assessments (administrators), without a
	 * look-up: for a query that checks membership itself, in the same statement as the
	 * rest of its work.
	 */
	public boolean editsEveryTeam() {
		return has(Role.ADMIN);
	}

	private boolean exists(String slug) {
		return oncePerRequest("exists:" + slug, () -> teams.existsBySlug(slug));
	}

	/** A member of the enabled team: who plans the team's actions. */
	public boolean isMember(String slug) {
		return person()
			.map(personId -> oncePerRequest("member:" + personId + ":" + slug, () -> teams.memberOf(slug, personId)))
			.orElse(false);
	}

	/**
	 * Remembers for the rest of the request that the caller may change the team's
	 * assessments, as a statement that checked {@link #MEMBER_OF_TEAM} (or found an
	 * administrator's team) has just shown, so that later checks need no look-up of their
	 * own.
	 */
	public void editableFound(String slug) {
		if (has(Role.ADMIN)) {
			oncePerRequest("exists:" + slug, () -> true);
		}
		else {
			person().ifPresent(personId -> oncePerRequest("member:" + personId + ":" + slug, () -> true));
		}
	}

	private static boolean oncePerRequest(String question, BooleanSupplier lookUp) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return lookUp.getAsBoolean();
		}
		String attribute = TeamAccess.class.getName() + "." + question;
		if (request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
			return known;
		}
		boolean answer = lookUp.getAsBoolean();
		request.setAttribute(attribute, answer, RequestAttributes.SCOPE_REQUEST);
		return answer;
	}

	private boolean has(Role role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(role.authority()::equals);
	}

	private static Optional<Long> person() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountUser user
				? Optional.of(user.personId()) : Optional.empty();
	}

}
