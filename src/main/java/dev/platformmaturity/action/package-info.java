/**
 * Actions: what a team decides to do about a gap, with the characteristic it serves, an
 * owner, a due date, a status, a link to the team's tracker, notes, an optional planned
 * level, comments and a history of every change. Actions belong to the team and follow it
 * across quarters. Other modules read them through {@link TeamPlans} (results, answering
 * page, team report), {@link ActionFigures} (dashboard, organisation report),
 * {@link OverdueActions} (notifications) and {@link ActionTransfer} (moving a team's data
 * between installations).
 */
@ApplicationModule(allowedDependencies = { "account", "model", "shared", "system", "team" })
package dev.platformmaturity.action;

import org.springframework.modulith.ApplicationModule;
