/**
 * Fills an empty portal with bundled demo rubrics, sources, images and articles, through the article module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.newsdesk.demo;
