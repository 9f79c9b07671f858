package dev.platformmaturity.team;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.platformmaturity.account.TeamsClaimed;

/**
 * A person's memberships follow their identity provider's team claim: they belong to
 * exactly the listed teams that exist. Runs within the sign-in's transaction.
 */
@Component
class ProviderMemberships {

	private static final Logger log = LoggerFactory.getLogger(ProviderMemberships.class);

	private final JdbcClient jdbc;

	ProviderMemberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void teamsClaimed(TeamsClaimed claim) {
		String[] slugs = claim.teamSlugs().toArray(String[]::new);
		jdbc.sql("""
				delete from membership m using team t
				where m.team_id = t.id and m.person_id = ? and not (t.slug = any (?))""")
			.params(claim.personId(), slugs)
			.update();
		jdbc.sql("""
				insert into membership (person_id, team_id)
				select ?, id from team where slug = any (?)
				on conflict do nothing""").params(claim.personId(), slugs).update();
		List<String> unknown = jdbc.sql("select s from unnest(?::text[]) s where s not in (select slug from team)")
			.param(slugs)
			.query(String.class)
			.list();
		if (!unknown.isEmpty()) {
			log.info("The identity provider lists teams of {} that do not exist here: {}", claim.username(), unknown);
		}
	}

}
