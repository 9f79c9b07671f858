/**
 * The platform leads' views across teams, aggregated in SQL: completion, heatmap,
 * distribution and medians, comparison, trends, CSV exports and
 * {@code /api/v1/dashboard}.
 */
@ApplicationModule(allowedDependencies = { "action", "assessment", "assessment :: overdue", "chart", "model", "shared",
		"system", "team" })
package dev.platformmaturity.dashboard;

import org.springframework.modulith.ApplicationModule;
