package dev.newsdesk.chore;

import java.time.Duration;
import java.time.Instant;

/**
 * How a chore has been doing on this node since {@code since}: when its last run started and how long it took,
 * when it last succeeded, when it last failed and why, and how many runs in a row have failed.
 */
public record ChoreStatus(Instant since, Instant lastRun, Duration lastDuration, Instant lastSuccess,
                          Instant lastFailure, String lastError, int failuresInARow) {

    static ChoreStatus since(Instant since) {
        return new ChoreStatus(since, null, null, null, null, null, 0);
    }

    ChoreStatus succeeded(Instant start, Duration took, Instant end) {
        return new ChoreStatus(since, start, took, end, lastFailure, lastError, 0);
    }

    ChoreStatus failed(Instant start, Duration took, Instant end, String error) {
        return new ChoreStatus(since, start, took, lastSuccess, end, error, failuresInARow + 1);
    }

    /** Whether the last run failed. */
    public boolean failing() {
        return failuresInARow > 0;
    }

    /**
     * Whether the chore has gone longer than {@code limit} without a successful run (counted from {@link #since()}
     * if it never had one): it is stuck, or no longer runs at all.
     */
    public boolean stale(Instant now, Duration limit) {
        Instant good = lastSuccess != null ? lastSuccess : since;
        return Duration.between(good, now).compareTo(limit) > 0;
    }
}
