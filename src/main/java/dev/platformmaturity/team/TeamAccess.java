package dev.platformmaturity.team;

import java.util.Optional;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.account.AccountUser;
import dev.platformmaturity.account.Role;

/**
 * Who may see and change a team's data. Members: the enabled teams they belong to. Leads and administrators read every
 * team; administrators also change every team's data. Used in method security as {@code @teamAccess} and by the
 * web layer before a request reaches a controller.
 */
@Component("teamAccess")
public class TeamAccess {

	private final TeamRepository teams;

	private final RoleHierarchy roles;

	TeamAccess(TeamRepository teams, RoleHierarchy roles) {
		this.teams = teams;
		this.roles = roles;
	}

	@Transactional(readOnly = true)
	public boolean canRead(String slug) {
		if (has(Role.LEAD)) {
			return teams.existsBySlug(slug);
		}
		return person().map(personId -> teams.memberOf(slug, personId)).orElse(false);
	}

	/** Change the team's assessments: its members, and administrators. */
	@Transactional(readOnly = true)
	public boolean canEdit(String slug) {
		if (has(Role.ADMIN)) {
			return teams.existsBySlug(slug);
		}
		return person().map(personId -> teams.memberOf(slug, personId)).orElse(false);
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
