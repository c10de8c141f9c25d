/**
 * Feeds in: the portal fills itself from agency and press feeds, fetched politely, parsed, cleaned,
 * de-duplicated and handed to the article module as drafts or published stories of their source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest", allowedDependencies = {"article", "chore", "site"})
package dev.newsdesk.ingest;
