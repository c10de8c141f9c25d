package dev.newsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.newsdesk.FreshDatabase;
import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
            CompletableFuture<ConfigurableApplicationContext> first = start(database, "first");
            CompletableFuture<ConfigurableApplicationContext> second = start(database, "second");
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

    private static CompletableFuture<ConfigurableApplicationContext> start(FreshDatabase database, String node) {
        List<String> args = new ArrayList<>(database.arguments());
        args.addAll(List.of("--server.port=0", "--newsdesk.demo.enabled=true",
                "--newsdesk.mail.outbox-dir=target/demo-across-nodes-" + node + "-outbox"));
        var application = new SpringApplicationBuilder(NewsdeskApplication.class).profiles("test").build();
        return CompletableFuture.supplyAsync(() -> application.run(args.toArray(String[]::new)),
                task -> Thread.ofPlatform().name("node-" + node).start(task));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
