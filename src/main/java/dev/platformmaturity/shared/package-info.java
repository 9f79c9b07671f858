/**
 * Small building blocks every feature module may use: field problems for forms, search terms. Depends on no module.
 */
package dev.platformmaturity.shared;
