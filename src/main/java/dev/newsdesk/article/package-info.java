/**
 * Rubrics, sources with their rights notices, images and articles in both languages, and the pages that show them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Article", allowedDependencies = {"chore", "site", "stats"})
package dev.newsdesk.article;
