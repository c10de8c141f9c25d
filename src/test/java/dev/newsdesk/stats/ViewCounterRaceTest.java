package dev.newsdesk.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.newsdesk.MutableClock;
import dev.newsdesk.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views counted while a flush runs: none lost, none counted twice, none hidden from the reader meanwhile. */
class ViewCounterRaceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void losesNoViewRecordedWhileFlushesRun() throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        ViewCounter counter = counter(ledger);
        AtomicBoolean recording = new AtomicBoolean(true);
        List<Future<Long>> recorders = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            int t = thread;
            recorders.add(threads.submit(() -> {
                long counted = 0;
                for (int visitor = 0; visitor < 50_000; visitor++) {
                    if (counter.record(1, "10." + t + "." + (visitor >> 8) + "." + (visitor & 0xff), WebClient.BROWSER)) {
                        counted++;
                    }
                }
                return counted;
            }));
        }
        Future<?> flusher = threads.submit(() -> {
            while (recording.get()) {
                counter.flush();
            }
        });
        long counted = 0;
        for (Future<Long> recorder : recorders) {
            counted += recorder.get(1, TimeUnit.MINUTES);
        }
        recording.set(false);
        flusher.get(1, TimeUnit.MINUTES);
        counter.flush();

        assertThat(ledger.total(1)).as("views written").isEqualTo(counted);
        assertThat(counter.views(1)).as("views shown").isEqualTo(counted);
        assertThat(counted).as("150,000 different readers").isEqualTo(150_000);
    }

    @Test
    void showsEveryCountedViewWhileFlushesRun() throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        ViewCounter counter = counter(ledger);
        AtomicBoolean reading = new AtomicBoolean(true);
        Semaphore flushes = new Semaphore(0);
        Future<?> flusher = threads.submit(() -> {
            while (reading.get()) {
                if (flushes.tryAcquire(1, TimeUnit.SECONDS)) {
                    counter.flush();
                }
            }
            return null;
        });
        List<String> wrong = new ArrayList<>();
        for (long article = 100; article < 20_100 && wrong.size() < 10; article++) {
            counter.record(article, "10.0.0.1", WebClient.BROWSER);
            counter.record(article, "10.0.0.2", WebClient.BROWSER);
            flushes.release();
            long shown = counter.views(article);
            if (shown != 2) {
                wrong.add("article " + article + " showed " + shown);
            }
        }
        reading.set(false);
        flusher.get(1, TimeUnit.MINUTES);

        assertThat(wrong).as("counts shown other than the 2 views counted").isEmpty();
    }

    @Test
    void aTotalReadWhileAFlushWritesIsNotCountedTwice() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MemoryLedger ledger = new MemoryLedger();
        ledger.afterWrite = () -> {
            // Committed; the flush has not yet settled its books.
            written.countDown();
            await(release);
        };
        ViewCounter counter = counter(ledger);
        counter.record(4, "10.0.0.1", WebClient.BROWSER);
        Future<?> flush = threads.submit(counter::flush);
        await(written);

        AtomicReference<Thread> reader = new AtomicReference<>();
        Future<Long> shown = threads.submit(() -> {
            reader.set(Thread.currentThread());
            return counter.views(4);
        });
        // The read either finished or waits for the flush; either way it started while the flush was writing.
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> shown.isDone()
                || (reader.get() != null && reader.get().getState() != Thread.State.RUNNABLE));
        release.countDown();
        flush.get(1, TimeUnit.MINUTES);

        assertThat(shown.get(1, TimeUnit.MINUTES)).isEqualTo(1);
        assertThat(counter.views(4)).as("after the flush").isEqualTo(1);
    }

    private ViewCounter counter(MemoryLedger ledger) {
        return new ViewCounter(ledger.mock, clock,
                new StatsSettings(Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(8)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("waited a minute in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
