/**
 * The shell every page lives in: layout, languages, navigation, texts, error pages and assets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site", allowedDependencies = {})
package dev.newsdesk.site;
