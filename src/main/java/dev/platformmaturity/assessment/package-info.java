/**
 * Quarters (opening, closing with confirmation, reopening), assessments, answers, targets
 * and their history; the overdue rule ({@link dev.platformmaturity.assessment.Overdue});
 * the answering pages and API, a team's results, bulk loading and the kept figures of
 * each assessment.
 */
@ApplicationModule(allowedDependencies = { "account", "action", "chart", "model", "scoring", "shared", "team" })
package dev.platformmaturity.assessment;

import org.springframework.modulith.ApplicationModule;
