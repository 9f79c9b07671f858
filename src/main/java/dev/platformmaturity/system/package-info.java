/**
 * Shared infrastructure that no feature module is needed for: the layout and the
 * administrators' start page, interface languages, the application clock, API error
 * bodies and error pages, input rules of parameters and JSON bodies, database outages,
 * the OpenAPI description, and {@link dev.platformmaturity.system.UrlAccessRules},
 * through which each module declares who may request its URLs.
 */
@ApplicationModule(allowedDependencies = "shared")
package dev.platformmaturity.system;

import org.springframework.modulith.ApplicationModule;
