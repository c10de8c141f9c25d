package dev.newsdesk.ingest.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.newsdesk.ingest.fetch.FetchFailed;
import dev.newsdesk.ingest.fetch.Fetched;
import dev.newsdesk.ingest.fetch.Fetcher;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * The main text of a story's web page (Readability4j), for feeds that carry only a summary. Answers null
 * when the page cannot be fetched or nothing longer than the summary can be found in it.
 */
final class FullText {

    private FullText() {
    }

    static String extract(Fetcher fetcher, String link, int maxBytes, int summaryLength) {
        if (link == null) {
            return null;
        }
        Fetched page;
        try {
            page = fetcher.fetchResource(URI.create(link), maxBytes);
        } catch (FetchFailed | IllegalArgumentException e) {
            return null;
        }
        try {
            String html = new String(page.body(), charset(page.contentType()));
            Article article = new Readability4J(page.uri().toString(), html).parse();
            String content = article.getContent();
            if (content == null || Jsoup.parse(content).text().length() <= summaryLength) {
                return null;
            }
            return content;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static java.nio.charset.Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String value = part.strip();
                if (value.toLowerCase().startsWith("charset=")) {
                    try {
                        return java.nio.charset.Charset.forName(value.substring(8).replace("\"", ""));
                    } catch (RuntimeException unknown) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
