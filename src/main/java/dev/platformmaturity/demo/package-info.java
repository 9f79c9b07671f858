/**
 * The demo organisation and its quarters up to the current one, seeded when
 * {@code app.demo.enabled}.
 */
@ApplicationModule(allowedDependencies = { "account", "assessment", "model", "team" })
package dev.platformmaturity.demo;

import org.springframework.modulith.ApplicationModule;
