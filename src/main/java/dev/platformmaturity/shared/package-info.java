/**
 * Small building blocks every feature module may use: field problems for forms, search terms, the rule for incoming
 * text ({@link dev.platformmaturity.shared.TextRules}) and page numbers from addresses. Depends on no module.
 */
package dev.platformmaturity.shared;
