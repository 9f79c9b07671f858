/**
 * The product's scoring rule: aspect scores from answered levels, the level and next
 * level they point to, medians.
 */
@ApplicationModule(allowedDependencies = {})
package dev.platformmaturity.scoring;

import org.springframework.modulith.ApplicationModule;
