/**
 * Sends mail: messages are queued in the database with the change that causes them and delivered by SMTP, or
 * written to an outbox folder when no SMTP server is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"chore"})
package dev.newsdesk.mail;
