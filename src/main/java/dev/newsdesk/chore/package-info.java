/**
 * Background chores: each runs on a thread of its own with a time limit per run, keeps its status, and
 * reports it on {@code /actuator/health}. Shared: any module may declare chores.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chore", allowedDependencies = {})
package dev.newsdesk.chore;
