package dev.platformmaturity.action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.platformmaturity.model.ModelCatalog;
import dev.platformmaturity.team.TeamNotFoundDeniedHandler;

/**
 * The published query of one team's plan, for the pages and reports of other modules (the
 * answering page, the team report): whoever may read the team reads it.
 */
@Service
public class TeamPlans {

	/**
	 * The team's actions (open ones first, then by due date) with the names of their
	 * aspects.
	 *
	 * @param aspectNames aspect names by key in the reader's language
	 */
	public record Plan(String team, List<ActionState> actions, Map<String, String> aspectNames) {

		public List<ActionState> open() {
			return actions.stream().filter(ActionState::open).toList();
		}

		/** The open actions of one aspect. */
		public List<ActionState> openIn(String aspect) {
			return actions.stream().filter(action -> action.open() && action.aspect().equals(aspect)).toList();
		}

		/**
		 * Per aspect key, the actions done at or after the instant given (all done ones
		 * when it is null).
		 */
		public Map<String, List<ActionState>> doneSince(Instant since) {
			return actions.stream()
				.filter(action -> action.status() == ActionStatus.DONE && action.doneAt() != null
						&& (since == null || !action.doneAt().isBefore(since)))
				.collect(Collectors.groupingBy(ActionState::aspect));
		}

		public String aspectName(String key) {
			return aspectNames.getOrDefault(key, key);
		}

	}

	private final ActionRows rows;

	private final ModelCatalog catalog;

	private final Clock clock;

	TeamPlans(ActionRows rows, ModelCatalog catalog, Clock clock) {
		this.rows = rows;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("@teamAccess.canRead(#team)")
	@HandleAuthorizationDenied(handlerClass = TeamNotFoundDeniedHandler.class)
	public Plan plan(String team, String language) {
		List<ActionState> actions = rows.ofTeam(team, LocalDate.now(clock));
		Map<String, String> names = new HashMap<>();
		actions.stream()
			.map(ActionState::modelVersion)
			.distinct()
			.map(version -> catalog.version(version).orElseGet(catalog::current))
			.forEach(model -> model.aspects()
				.forEach(aspect -> names.putIfAbsent(aspect.key(), aspect.name().in(language))));
		return new Plan(team, actions, names);
	}

}
