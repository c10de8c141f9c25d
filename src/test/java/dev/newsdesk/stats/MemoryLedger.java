package dev.newsdesk.stats;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsdesk.stats.internal.ViewLedger;

/** A view ledger in memory that adds up what it is given, for tests of the counter without a database. */
final class MemoryLedger {

    final Map<Long, Long> totals = new ConcurrentHashMap<>();
    final ViewLedger mock = mock(ViewLedger.class);
    volatile Runnable afterWrite = () -> { };

    MemoryLedger() {
        doAnswer(call -> {
            Map<Long, Long> views = call.getArgument(0);
            views.forEach((id, count) -> totals.merge(id, count, Long::sum));
            afterWrite.run();
            return null;
        }).when(mock).add(anyMap(), any());
        when(mock.total(anyLong())).thenAnswer(call -> total(call.getArgument(0)));
    }

    long total(long articleId) {
        return totals.getOrDefault(articleId, 0L);
    }
}
