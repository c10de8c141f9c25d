package dev.newsdesk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.newsdesk.MutableClock;
import dev.newsdesk.WebClient;
import dev.newsdesk.stats.internal.ViewLedger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** What the counter does when the database refuses its writes. */
class ViewCounterFailureTest {

    private final ViewLedger ledger = mock(ViewLedger.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final ViewCounter counter = new ViewCounter(ledger, clock,
            new StatsSettings(Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(8)));

    @Test
    void keepsViewsAndReportsTheFailureUntilAWriteSucceeds() {
        when(ledger.total(7L)).thenReturn(100L);
        counter.record(7, "10.0.0.1", WebClient.BROWSER);
        counter.record(7, "10.0.0.2", WebClient.BROWSER);
        doThrow(new DataAccessResourceFailureException("database is down")).when(ledger).add(anyMap(), any());

        assertThatThrownBy(counter::flush).hasMessage("database is down");

        assertThat(counter.unwritten()).isEqualTo(2);
        assertThat(counter.views(7)).isEqualTo(102);

        doNothing().when(ledger).add(anyMap(), any());
        counter.record(7, "10.0.0.3", WebClient.BROWSER);
        clock.advance(Duration.ofSeconds(1));
        counter.flush();

        verify(ledger).add(Map.of(7L, 3L), clock.instant());
        assertThat(counter.unwritten()).isZero();
    }

    @Test
    void writesWhatIsLeftWhenTheApplicationStops() {
        counter.record(8, "10.0.0.1", WebClient.BROWSER);

        counter.destroy();

        verify(ledger).add(Map.of(8L, 1L), clock.instant());
    }
}
