package dev.newsdesk.ingest.parse;

import java.util.List;

/** A feed as parsed: its format, title, declared language (may be null) and entries. */
public record ParsedFeed(String format, String title, String language, List<ParsedItem> items) {
}
