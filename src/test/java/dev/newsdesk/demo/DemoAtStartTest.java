package dev.newsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.newsdesk.FreshDatabase;
import dev.newsdesk.NewsdeskApplication;
import dev.newsdesk.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first start on an empty database, as a reader and an orchestrator see it: nothing answers until the demo is
 * in, so no reader ever gets an empty front page, and readiness turns up only with the demo in.
 */
class DemoAtStartTest {

    @Test
    void answersNoRequestAndStaysUnreadyUntilTheDemoIsLoaded() {
        try (FreshDatabase database = FreshDatabase.create()) {
            int port = freePort();
            List<String> args = new ArrayList<>(database.arguments());
            args.addAll(List.of("--server.port=" + port, "--newsdesk.demo.enabled=true",
                    "--newsdesk.mail.outbox-dir=target/demo-at-start-outbox"));
            AtomicReference<String> atWebServerStart = new AtomicReference<>();
            List<String> readiness = new CopyOnWriteArrayList<>();
            ApplicationListener<ApplicationEvent> watcher = event -> {
                if (event instanceof WebServerInitializedEvent started) {
                    ApplicationContext context = started.getApplicationContext();
                    atWebServerStart.set(context.getBean(ApplicationAvailability.class).getReadinessState() + " with "
                            + stories(context) + " stories");
                } else if (event instanceof AvailabilityChangeEvent<?> change
                        && change.getState() == ReadinessState.ACCEPTING_TRAFFIC
                        && event.getSource() instanceof ApplicationContext context) {
                    readiness.add(change.getState() + " with " + stories(context) + " stories");
                }
            };
            var application = new SpringApplicationBuilder(NewsdeskApplication.class).profiles("test")
                    .listeners(watcher).build();
            CompletableFuture<ConfigurableApplicationContext> starting =
                    CompletableFuture.supplyAsync(() -> application.run(args.toArray(String[]::new)),
                            task -> Thread.ofPlatform().name("starting-portal").start(task));
            List<String> answers = new CopyOnWriteArrayList<>();
            WebClient reader = new WebClient(port);
            try {
                // Readers and probes knock all along the start; the first answer must already be a full page.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    knock(reader, answers);
                    return starting.isDone();
                });
                starting.join();
                knock(reader, answers);

                // Between the web server's start and the application's readiness, probes may still hear "not yet".
                assertThat(answers).isNotEmpty().allSatisfy(answer -> assertThat(answer)
                        .isIn("/ 200 with stories", "/actuator/health/readiness 503 not UP",
                                "/actuator/health/readiness 200 UP"));
                assertThat(answers).last().isEqualTo("/actuator/health/readiness 200 UP");
                assertThat(atWebServerStart.get()).as("the web server starts with the demo in, not ready yet")
                        .matches("REFUSING_TRAFFIC with [1-9][0-9]+ stories");
                assertThat(readiness).as("readiness turns up once, with the demo in")
                        .singleElement().asString().matches("ACCEPTING_TRAFFIC with [1-9][0-9]+ stories");
            } finally {
                starting.thenAccept(ConfigurableApplicationContext::close).join();
            }
        }
    }

    /** Asks for the front page and readiness, noting each answer; a refused connection is no answer. */
    private static void knock(WebClient reader, List<String> answers) {
        for (String path : List.of("/", "/actuator/health/readiness")) {
            HttpResponse<String> response;
            try {
                response = reader.get(path);
            } catch (UncheckedIOException refused) {
                continue;
            }
            String body = response.body();
            String what = path.equals("/") ? (body.contains("class=\"news-item\"") ? "with stories" : "without stories")
                    : body.contains("\"UP\"") ? "UP" : "not UP";
            answers.add(path + " " + response.statusCode() + " " + what);
        }
    }

    private static long stories(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM article WHERE status = 'PUBLISHED'")
                .query(Long.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
