package io.camelinference.jdbc;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a replica's job store did since it started.
 *
 * @param owner       this replica's name in the job table
 * @param claims      keys claimed for a run
 * @param resumed     claims that found a stored state to resume from (this replica's or another's)
 * @param takenOver   claims of a pending job last held by another replica whose claim had ended or lapsed
 * @param takenOverFrom the same, per replica taken over from
 * @param busy        claims refused because another replica (or exchange) runs the job now
 * @param completed   claims refused because the message already completed (a redelivered copy)
 * @param lost        writes refused because this replica's lapsed claim was taken over
 * @param unavailable operations that found the database out of reach
 * @param held        keys runs of this replica hold now
 * @param statements  SQL statements run (one per store operation, two for most claims; lease renewals included)
 * @param statementMillis the time they took in all, waiting for a pooled connection included
 */
public record JdbcJobStoreStats(String owner, long claims, long resumed, long takenOver, Map<String, Long> takenOverFrom,
                                long busy, long completed, long lost, long unavailable, int held, long statements,
                                double statementMillis) {

    /** The live counters behind the figures. */
    static final class Counters {
        final LongAdder claims = new LongAdder();
        final LongAdder resumed = new LongAdder();
        final LongAdder takenOver = new LongAdder();
        final Map<String, LongAdder> takenOverFrom = new ConcurrentHashMap<>();
        final LongAdder busy = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder lost = new LongAdder();
        final LongAdder unavailable = new LongAdder();

        void tookOver(String from) {
            takenOver.increment();
            takenOverFrom.computeIfAbsent(from, k -> new LongAdder()).increment();
        }

        Map<String, Long> takenOverFrom() {
            Map<String, Long> m = new TreeMap<>();
            takenOverFrom.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }
}
