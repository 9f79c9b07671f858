/**
 * PDF reports of a team and of the organisation, rendered from the same charts and
 * figures as the pages.
 */
@ApplicationModule(allowedDependencies = { "account", "action", "assessment", "assessment :: overdue", "chart",
		"dashboard", "model", "shared", "system", "team" })
package dev.platformmaturity.report;

import org.springframework.modulith.ApplicationModule;
