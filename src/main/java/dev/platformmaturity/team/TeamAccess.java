package dev.platformmaturity.team;

import java.util.Optional;

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

	TeamAccess(TeamRepository teams) {
		this.teams = teams;
	}

	@Transactional(readOnly = true)
	public boolean canRead(String slug) {
		return currentUser().map(user -> teams.readable(slug, user.personId(), user.has(Role.LEAD))).orElse(false);
	}

	/** Change the team's assessments: its members, and administrators. */
	@Transactional(readOnly = true)
	public boolean canEdit(String slug) {
		return currentUser().map(user -> user.has(Role.ADMIN) ? teams.existsBySlug(slug) : teams.memberOf(slug, user.personId()))
			.orElse(false);
	}

	static Optional<AccountUser> currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof AccountUser user ? Optional.of(user)
				: Optional.empty();
	}

}
