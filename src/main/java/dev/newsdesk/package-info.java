/**
 * Newsdesk, an engine for a niche bilingual news portal; each sub-package is one application module.
 */
package dev.newsdesk;
