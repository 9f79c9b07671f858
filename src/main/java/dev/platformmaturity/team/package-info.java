/**
 * Groups, teams and memberships; who may read or change a team
 * ({@link dev.platformmaturity.team.TeamAccess}); the teams pages and
 * {@code /api/v1/teams}; group and team administration, the CSV import, and memberships
 * from an identity provider's team claim.
 */
@ApplicationModule(allowedDependencies = { "account", "shared" })
package dev.platformmaturity.team;

import org.springframework.modulith.ApplicationModule;
