package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import dev.newsdesk.ingest.clean.CleanItem;
import dev.newsdesk.ingest.fetch.FetchFailed;
import dev.newsdesk.ingest.fetch.Fetcher;
import dev.newsdesk.ingest.parse.FeedMalformed;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar newsdesk.jar ingest --dry-run <url-or-file>}: fetches and parses one feed without
 * storing anything (and without starting the portal) and prints one JSON object per item that would become
 * an article. Operators use it to check a feed before subscribing to it. Exit code 0 when the feed was read
 * (with a line on standard error for each note: read leniently, character set detected, items left out), 2
 * (with one line on standard error) when it could not be, 1 on wrong usage.
 */
public final class IngestCommand {

    static final String USAGE = "usage: java -jar newsdesk.jar ingest --dry-run <feed URL or file>";

    private IngestCommand() {
    }

    /** What the read had to say besides the items, one line each on standard error. */
    private static void notes(FeedReader.Reading reading, PrintStream err) {
        if (reading.feed().lenientBecause() != null) {
            err.println("note: read leniently: " + reading.feed().lenientBecause());
        }
        if (reading.feed().detectedCharset() != null) {
            err.println("note: the feed declares no character set; read as " + reading.feed().detectedCharset());
        }
        if (reading.droppedCount() > 0) {
            StringJoiner reasons = new StringJoiner(", ");
            reading.dropped().forEach((reason, count) -> reasons.add(count + " " + reason.description()));
            err.println("note: dropped " + reading.droppedCount() + " of " + (reading.droppedCount() + reading.items().size())
                    + " items: " + reasons);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !"--dry-run".equals(args[0])) {
            err.println(USAGE);
            return 1;
        }
        IngestSettings settings = IngestSettings.defaults();
        FeedReader reader = new FeedReader(new Fetcher(settings));
        String target = args[1];
        FeedReader.Reading reading;
        try {
            if (target.startsWith("http://") || target.startsWith("https://")) {
                reading = reader.read(URI.create(target), null, null, null, Instant.now());
            } else {
                Path file = Path.of(target);
                if (!Files.isRegularFile(file)) {
                    err.println("not a feed: no such file or address: " + target);
                    return 2;
                }
                if (Files.size(file) > settings.maxBytes()) {
                    err.println("not a feed: the file is larger than " + settings.maxBytes() / 1024 + " KB");
                    return 2;
                }
                reading = reader.read(Files.readAllBytes(file), null, file.toAbsolutePath().toUri(), null, Instant.now());
            }
        } catch (FetchFailed e) {
            err.println("cannot fetch: " + e.getMessage());
            return 2;
        } catch (FeedMalformed e) {
            err.println("not a feed: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read: " + e.getMessage());
            return 2;
        }
        JsonMapper json = JsonMapper.builder().build();
        for (CleanItem item : reading.items()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("title", item.title());
            line.put("link", item.link());
            line.put("guid", item.guid());
            line.put("published", item.published().toString());
            line.put("dateAssumed", item.dateAssumed());
            line.put("language", item.language().code());
            line.put("image", item.imageUrl());
            line.put("credit", item.imageCredit());
            line.put("textLength", item.textLength());
            out.println(json.writeValueAsString(line));
        }
        notes(reading, err);
        return 0;
    }
}
