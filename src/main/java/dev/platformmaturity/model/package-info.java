/**
 * The maturity model: model files (read, validated, imported), the catalog of imported
 * versions, {@code /model} and {@code /api/v1/model}.
 */
@ApplicationModule(allowedDependencies = "system")
package dev.platformmaturity.model;

import org.springframework.modulith.ApplicationModule;
