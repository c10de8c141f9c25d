/**
 * Counts article views in memory, flushes them to the database in batches and answers "most read".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Stats", allowedDependencies = {"chore"})
package dev.newsdesk.stats;
