package dev.platformmaturity.exchange;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.platformmaturity.account.AccountUser;

/**
 * A team's data in the exchange format: export (whoever may read the team) and import
 * (administrators). The body of an import is read as the file it is and checked against
 * the published schema, not bound to types.
 */
@RestController
@RequestMapping("/api/v1/teams/{team}/exchange")
class ExchangeApiController {

	private final TeamExchanges exchanges;

	ExchangeApiController(TeamExchanges exchanges) {
		this.exchanges = exchanges;
	}

	/**
	 * Every assessment of the team (all quarters) and its actions, as
	 * docs/team-exchange.schema.json describes.
	 */
	@GetMapping
	TeamData export(@PathVariable String team) {
		return exchanges.export(team);
	}

	/**
	 * Imports a file of the exchange format into the team; refused with every problem (in
	 * {@code problems}) and nothing written unless all of it is valid.
	 */
	@PostMapping
	TeamExchanges.Imported importData(@PathVariable String team, @RequestBody String file, Locale locale,
			@AuthenticationPrincipal AccountUser user) {
		return exchanges.importData(team, file, locale, user.personId());
	}

}
