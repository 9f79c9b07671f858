/**
 * Small building blocks every feature module may use: field problems for forms, search terms, the CSV writer every
 * export goes through. Depends on no module.
 */
package dev.platformmaturity.shared;
