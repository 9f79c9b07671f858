/**
 * Notifications: e-mail reminders to the members of teams that have not submitted (a
 * quarter opens, its due date nears, it has passed), digests and closing summaries to
 * platform leads, and deliveries to the webhooks that administrators register. A
 * scheduled scan, run once per cluster, derives what is due from the state of quarters
 * and assessments and records each message in an outbox before any is sent; senders on
 * every instance claim and send the recorded messages. The module reads the tables of
 * quarters, teams and people with SQL and uses no other module's types but the account's
 * security and person types, the assessment module's overdue rule, the action module's
 * query of overdue actions, the shared form helpers and the URL rules of the system
 * module.
 */
@ApplicationModule(allowedDependencies = { "account", "action", "assessment :: overdue", "shared", "system" })
package dev.platformmaturity.notification;

import org.springframework.modulith.ApplicationModule;
