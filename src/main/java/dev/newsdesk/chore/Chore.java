package dev.newsdesk.chore;

import java.time.Duration;
import java.util.Map;

/**
 * A job that every node repeats in the background, such as following article changes or dispatching mail.
 * A module declares each chore as a bean, a small class named for its job that calls the module's own method
 * (the one that tests and buttons call too). {@link Chores} runs every chore on a thread of its own, never two
 * runs of one chore at once, pausing {@link #interval()} between runs; a run that takes longer than
 * {@link #timeout()} is interrupted and counts as failed, and the next run starts on time.
 */
public interface Chore {

    /** The pause between the end of one run and the start of the next. */
    Duration interval();

    /** How long one run may take before it is interrupted and counted as failed. */
    default Duration timeout() {
        return Duration.ofMinutes(1);
    }

    /** Does the job once; an exception means the run failed. */
    void run() throws Exception;

    /**
     * Figures from the last run for operators, such as the length of a queue. Answered from memory: anyone
     * may ask for the health of the portal, and asking must not reach the database.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** The chore's name in health and logs: its class's name, starting in lower case ({@code mailDispatch}). */
    default String name() {
        String name = getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
