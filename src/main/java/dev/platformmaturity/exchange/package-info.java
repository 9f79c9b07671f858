/**
 * The exchange format of one team's data: every quarter's assessment (model version,
 * answers, comments, targets) and the team's actions, as JSON described by the published
 * JSON Schema {@code docs/team-exchange.schema.json}, so an organisation can move a team
 * between installations. An import is checked against the schema, then against this
 * installation (its model versions, quarters and people), and written in one transaction
 * only when nothing is wrong.
 */
@ApplicationModule(allowedDependencies = { "account", "action", "assessment", "shared", "system", "team" })
package dev.platformmaturity.exchange;

import org.springframework.modulith.ApplicationModule;
