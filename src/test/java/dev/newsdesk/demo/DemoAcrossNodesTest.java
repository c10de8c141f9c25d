package dev.newsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.newsdesk.FreshDatabase;
import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes starting together on one empty PostgreSQL database fill it with the demo once, and each takes requests
 * only with the demo in. Runs when the tests run on PostgreSQL: nodes share no embedded H2 file.
 */
class DemoAcrossNodesTest {

    @Test
    void twoNodesStartingTogetherLoadTheDemoOnce() {
        try (FreshDatabase database = FreshDatabase.create()) {
            assumeTrue(database.isPostgres(), "several nodes need PostgreSQL");
            // Logging is set up once per JVM and not for two applications at once: the second node starts when the
            // first has its logging, long before either reaches the demo.
            CountDownLatch firstLogs = new CountDownLatch(1);
            CompletableFuture<ConfigurableApplicationContext> first = start(database, "first", firstLogs);
            await(firstLogs);
            CompletableFuture<ConfigurableApplicationContext> second = start(database, "second", new CountDownLatch(1));
            try {
                CompletableFuture.allOf(first, second).join();
                DemoContent.Demo demo = first.join().getBean(DemoContent.class).read();
                JdbcClient jdbc = first.join().getBean(JdbcClient.class);

                assertThat(count(jdbc, "rubric")).isEqualTo(demo.rubrics().size());
                assertThat(count(jdbc, "source")).isEqualTo(demo.sources().size() + demo.sampleFeeds().size());
                assertThat(count(jdbc, "feed")).isEqualTo(demo.feeds().size() + demo.sampleFeeds().size());
                assertThat(count(jdbc, "image")).isEqualTo(demo.images().size());
                for (CompletableFuture<ConfigurableApplicationContext> node : List.of(first, second)) {
                    int port = Integer.parseInt(node.join().getEnvironment().getProperty("local.server.port"));
                    assertThat(new WebClient(port).page("/").select(".news-item")).isNotEmpty();
                }
            } finally {
                CompletableFuture.allOf(first.thenAccept(ConfigurableApplicationContext::close),
                        second.thenAccept(ConfigurableApplicationContext::close)).join();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(2, TimeUnit.MINUTES)).as("the first node set up its logging").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<ConfigurableApplicationContext> start(FreshDatabase database, String node,
                                                                           CountDownLatch logging) {
        List<String> args = new ArrayList<>(database.arguments());
        args.addAll(List.of("--server.port=0", "--newsdesk.demo.enabled=true",
                "--newsdesk.mail.outbox-dir=target/demo-across-nodes-" + node + "-outbox"));
        var application = new SpringApplicationBuilder(NewsdeskApplication.class).profiles("test")
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationContextInitializedEvent) {
                        logging.countDown();
                    }
                }).build();
        return CompletableFuture.supplyAsync(() -> application.run(args.toArray(String[]::new)),
                task -> Thread.ofPlatform().name("node-" + node).start(task));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
