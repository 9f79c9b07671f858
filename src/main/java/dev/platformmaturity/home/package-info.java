/**
 * The pages a person starts from: the home page (the current model, the person's teams
 * and their progress in the open quarter), the about page, and a team's page with its
 * members and its assessment of every quarter.
 */
@ApplicationModule(
		allowedDependencies = { "account", "assessment", "assessment :: overdue", "model", "system", "team" })
package dev.platformmaturity.home;

import org.springframework.modulith.ApplicationModule;
