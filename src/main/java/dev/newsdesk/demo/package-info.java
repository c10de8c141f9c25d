/**
 * Fills an empty portal with the bundled demo: rubrics, sources and images, and stories through the feed pipeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"article", "ingest", "site", "stats"})
package dev.newsdesk.demo;
