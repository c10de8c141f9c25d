package dev.newsdesk.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestNews;
import dev.newsdesk.article.Rubric;
import dev.newsdesk.ingest.FeedDesk;
import dev.newsdesk.ingest.FeedForm;
import dev.newsdesk.ingest.FeedRefresher;
import dev.newsdesk.ingest.IngestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Feed polling fetches due feeds, each once per interval. */
@NewsdeskTest
class FeedSchedulingTest {

    @Autowired IngestSettings settings;
    @Autowired Feeds due;
    @Autowired FeedRefresher refresher;
    @Autowired Clock clock;
    @Autowired FeedDesk feeds;
    @Autowired TestNews news;

    @Test
    void fetchesADueFeedOnceUntilItIsDueAgain() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] feed = ("<rss version=\"2.0\"><channel><title>T</title><item><title>Плановая новость</title>"
                + "<guid>sched-1</guid><description>Текст.</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/scheduled.xml", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
        try (FeedPolling polling = new FeedPolling(settings, due, refresher, clock)) {
            Rubric rubric = news.rubric();
            long id = feeds.subscribe(news.foreignSource().id(), new FeedForm("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/scheduled.xml", rubric.id(), null, null, true, false, 30, true));

            polling.pollDueFeeds();
            polling.pollDueFeeds();

            assertThat(fetches.get()).isEqualTo(1);
            assertThat(feeds.articleOf(id, "sched-1")).isPresent();
        } finally {
            server.stop(0);
        }
    }
}
