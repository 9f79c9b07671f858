/**
 * Small building blocks every feature module may use: field problems for forms, search
 * terms, the rule for incoming text ({@link dev.platformmaturity.shared.TextRules}), page
 * numbers from addresses and the CSV writer every export goes through. Depends on no
 * module.
 */
@ApplicationModule(allowedDependencies = {})
package dev.platformmaturity.shared;

import org.springframework.modulith.ApplicationModule;
