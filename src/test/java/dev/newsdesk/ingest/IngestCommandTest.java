package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.newsdesk.ingest.fetch.TestDns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ingest --dry-run}, as an operator runs it on good and bad feeds. */
class IngestCommandTest {

    @TempDir Path folder;

    @Test
    void printsOneJsonObjectPerItemAndExitsZero() throws Exception {
        Result result = run("--dry-run", fixture("rss20-media.xml").toString());

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        String[] lines = result.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(first.path("title").asString()).isEqualTo("На заводе в Казани & Самаре запустили новую линию");
        assertThat(first.path("link").asString()).isEqualTo("https://severinform.example.org/news/101?id=7");
        assertThat(first.path("guid").asString()).isEqualTo("severinform-101");
        assertThat(first.path("published").asString()).isEqualTo("2026-01-06T06:30:00Z");
        assertThat(first.path("language").asString()).isEqualTo("ru");
        assertThat(first.path("image").asString()).isEqualTo("https://severinform.example.org/img/101.jpg");
        assertThat(first.path("credit").asString()).isEqualTo("© Severinform 2026, Pyotr Ivanov");
        assertThat(first.path("textLength").asInt()).isPositive();
        assertThat(first.path("dateAssumed").isBoolean()).isTrue();
        assertThat(first.path("dateAssumed").asBoolean()).isFalse();
        JsonNode undated = JsonMapper.builder().build().readTree(lines[1]);
        assertThat(undated.path("dateAssumed").asBoolean()).as("an item without a date").isTrue();
    }

    @Test
    void notesHowTheFeedWasReadAndWhatWasLeftOut() throws Exception {
        Result dropped = run("--dry-run", fixture("rss20-dropped.xml").toString());
        Result lenient = run("--dry-run", fixture("rss20-bare-ampersand.xml").toString());
        Result detected = run("--dry-run", fixture("rss20-koi8r-undeclared.xml").toString());

        assertThat(dropped.code()).isZero();
        assertThat(dropped.out().strip().split("\n")).hasSize(1);
        assertThat(dropped.err()).isEqualTo("note: dropped 3 of 4 items: 1 with no title and no text, "
                + "1 with no link and no GUID, 1 in neither Russian nor English" + System.lineSeparator());
        assertThat(lenient.err()).startsWith("note: read leniently: The feed is not well-formed XML: line 8, column 46: ")
                .hasLineCount(1);
        assertThat(detected.err()).isEqualTo("note: the feed declares no character set; read as KOI8-R"
                + System.lineSeparator());
    }

    @Test
    void exitsTwoWithOneLineOnBadFeeds() throws Exception {
        for (String[] bad : new String[][] {
                {"garbled.xml", "not a feed: The feed is not well-formed XML: line 2, column 2: "},
                {"not-a-feed.html", "not a feed: This is a web page (HTML), not a feed"},
                {"rss091-no-channel.xml", "not a feed: This is an RSS 0.91 feed without a channel"},
                {"empty.xml", "not a feed: The feed is empty"}}) {
            Result result = run("--dry-run", fixture(bad[0]).toString());
            assertThat(result.code()).as(bad[0]).isEqualTo(2);
            assertThat(result.err()).as(bad[0]).startsWith(bad[1]).hasLineCount(1);
            assertThat(result.out()).isEmpty();
        }
        Result unreachable = run("--dry-run", "http://127.0.0.1:1/feed");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("cannot fetch: The address 127.0.0.1").hasLineCount(1);
        assertThat(run("--dry-run", folder.resolve("missing.xml").toString()).code()).isEqualTo(2);
    }

    @Test
    void refusesAFeedWhoseNameAnswersTheMappedLoopback() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.put("/feed.xml", Files.readString(fixture("rss20-media.xml")));

            Result result = run("--dry-run", "http://" + TestDns.MAPPED_LOOPBACK + ":" + server.port() + "/feed.xml");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("cannot fetch: The address " + TestDns.MAPPED_LOOPBACK
                    + " (0:0:0:0:0:ffff:7f00:1) is private; feeds may not point inside the portal's network\n");
            assertThat(result.out()).isEmpty();
            assertThat(server.requests()).as("requests that reached this machine").isZero();
        }
    }

    @Test
    void explainsItsUsage() {
        Result result = run("feed.xml");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("usage:");
    }

    private Path fixture(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/testdata/feeds/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IngestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
