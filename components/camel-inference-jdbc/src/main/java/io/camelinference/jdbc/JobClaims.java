package io.camelinference.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelinference.common.job.JobAlreadyCompletedException;
import io.camelinference.common.job.JobClaimLostException;
import io.camelinference.common.job.JobClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of the shared job table: a run claims a key (its row says which replica runs it, until when), renews the
 * lease while it runs, and every write of a held key checks that this replica still holds it (a fence: a replica whose
 * lease lapsed and was taken over cannot store a "submitting" claim, so it cannot send the billed call). A key whose
 * holder is gone (lease lapsed) is taken over with its stored state; a completed key is remembered for the completion
 * retention, so a redelivered copy of its message is not run again.
 */
final class JobClaims {

    private static final Logger LOG = LoggerFactory.getLogger(JobClaims.class);
    private static final int ATTEMPTS = 5;

    private final JobTable table;
    private final String owner;
    private final long lease;
    private final long timeToLive;
    private final long retention;
    private final Clock clock;
    /** The keys (hashes) runs of this JVM hold now: renewed by {@link #renew}, refused to a second exchange. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    final JdbcJobStoreStats.Counters counters = new JdbcJobStoreStats.Counters();

    JobClaims(JobTable table, String owner, Duration lease, Duration timeToLive, Duration retention, Clock clock) {
        this.table = table;
        this.owner = owner;
        this.lease = lease.toMillis();
        this.timeToLive = timeToLive.toMillis();
        this.retention = retention.toMillis();
        this.clock = clock;
    }

    String claim(String key) {
        String hash = hash(key);
        if (!active.add(hash)) {
            counters.busy.increment();
            throw new JobClaimedException(key, owner, null, "The job of message " + key + " is being run by another"
                    + " exchange of this replica (" + owner + "): this copy is not run too, so the job cannot be paid"
                    + " for twice. Nothing was sent; retry the message later");
        }
        try {
            return claimHeld(key, hash);
        } catch (RuntimeException e) {
            active.remove(hash);
            throw e;
        }
    }

    private String claimHeld(String key, String hash) {
        String what = "claim the job of message " + key;
        long first = clock.millis();
        // the common case, a message seen for the first time: one statement
        if (table.insert(hash, key, null, JobRow.PENDING, owner, first + lease, first, what)) {
            counters.claims.increment();
            return null;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            JobRow row = table.read(hash, what);
            if (row == null) {
                if (table.insert(hash, key, null, JobRow.PENDING, owner, now + lease, now, what)) {
                    counters.claims.increment();
                    return null;
                }
                continue;
            }
            if (row.completed() && now - row.writtenAt() <= retention) {
                counters.completed.increment();
                throw new JobAlreadyCompletedException(key, row.owner(), Instant.ofEpochMilli(row.writtenAt()),
                        "The message " + key + " already completed (on replica " + row.owner() + " at "
                                + Instant.ofEpochMilli(row.writtenAt()) + "): this copy of it, a redelivery, is not run"
                                + " again, so it is not paid for twice. Nothing was sent. To run the same content again"
                                + " on purpose, send it with a new job key");
            }
            if (row.leasedAt(now) && !owner.equals(row.owner())) {
                counters.busy.increment();
                Instant until = Instant.ofEpochMilli(row.leaseUntil());
                throw new JobClaimedException(key, row.owner(), until, "The job of message " + key + " is being run"
                        + " by replica " + row.owner() + " (its claim holds until " + until + " unless it renews it):"
                        + " this replica does not run it too, so it cannot be paid for twice. Nothing was sent; retry"
                        + " the message later (the claim of a replica that is gone lapses, and the next attempt takes"
                        + " its job over)");
            }
            boolean stale = row.completed() || (now - row.writtenAt() > timeToLive && !row.leasedAt(now));
            String state = stale ? null : row.state();
            if (table.compareAndSet(hash, row.version(), state, JobRow.PENDING, owner, now + lease, now, what)) {
                counted(key, row, state);
                return state;
            }
        }
        counters.busy.increment();
        throw new JobClaimedException(key, null, null, "The job of message " + key + " could not be claimed: other"
                + " replicas changed it " + ATTEMPTS + " times in a row. Nothing was sent; retry the message later");
    }

    private void counted(String key, JobRow previous, String state) {
        counters.claims.increment();
        if (state != null) {
            counters.resumed.increment();
        }
        if (previous.owner() != null && !owner.equals(previous.owner()) && !previous.completed()) {
            counters.tookOver(previous.owner());
            LOG.info("Taking over the job of message {} from replica {} (its claim {}); {}", key, previous.owner(),
                    previous.leaseUntil() == null ? "had ended" : "lapsed at " + Instant.ofEpochMilli(previous.leaseUntil()),
                    state == null ? "nothing of it was stored" : "resuming it from its stored state");
        }
    }

    /** Stores a state: through the held claim when a run of this JVM holds the key, else unless another replica does. */
    void put(String key, String value) {
        String hash = hash(key);
        String what = "store the job state of message " + key;
        long now = clock.millis();
        if (active.contains(hash)) {
            if (table.writeHeld(hash, owner, value, now + lease, now, what) == 1) {
                return;
            }
            counters.lost.increment();
            JobRow row = table.read(hash, what);
            String holder = row == null ? null : row.owner();
            throw new JobClaimLostException(key, holder, "This replica (" + owner + ") lost its claim on the job of"
                    + " message " + key + (holder == null ? "" : " to replica " + holder) + ": its lease lapsed (a"
                    + " long pause, or the job store was out of reach) and the job was taken over or removed. It stops"
                    + " here, before sending anything more, so that the two never both submit it");
        }
        if (!store(key, hash, value, false)) {
            throw new IllegalStateException("unreachable: an unconditional store did not store");
        }
    }

    /** Stores the state unless the key has a live one (pending and fresh, held, or completed within the retention). */
    boolean putIfAbsent(String key, String value) {
        return store(key, hash(key), value, true);
    }

    private boolean store(String key, String hash, String value, boolean onlyIfAbsent) {
        String what = "store the job state of message " + key;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            JobRow row = table.read(hash, what);
            if (row == null) {
                if (table.insert(hash, key, value, JobRow.PENDING, owner, null, now, what)) {
                    return true;
                }
                continue;
            }
            boolean heldByOther = row.leasedAt(now) && !owner.equals(row.owner());
            boolean live = row.completed() ? now - row.writtenAt() <= retention
                    : row.leasedAt(now) || now - row.writtenAt() <= timeToLive;
            if (onlyIfAbsent && live) {
                return false;
            }
            if (heldByOther) {
                throw new JobClaimedException(key, row.owner(), Instant.ofEpochMilli(row.leaseUntil()), "The job of"
                        + " message " + key + " is held by replica " + row.owner() + ": its state is not replaced");
            }
            Long keepLease = owner.equals(row.owner()) ? row.leaseUntil() : null;
            if (table.compareAndSet(hash, row.version(), value, JobRow.PENDING, owner, keepLease, now, what)) {
                return true;
            }
        }
        throw new JobClaimedException(key, null, null, "The job state of message " + key + " could not be stored:"
                + " other replicas changed it " + ATTEMPTS + " times in a row");
    }

    String get(String key) {
        JobRow row = table.read(hash(key), "read the job state of message " + key);
        long now = clock.millis();
        if (row == null || row.completed() || (now - row.writtenAt() > timeToLive && !row.leasedAt(now))) {
            return null;
        }
        return row.state();
    }

    void remove(String key) {
        table.delete(hash(key), "remove the job of message " + key);
    }

    void unclaim(String key) {
        String hash = hash(key);
        active.remove(hash);
        table.unlease(hash, owner, "end the claim on message " + key);
    }

    void complete(String key) {
        String hash = hash(key);
        active.remove(hash);
        String what = "record that message " + key + " completed";
        long now = clock.millis();
        if (retention <= 0) {
            table.delete(hash, what);
        } else if (table.complete(hash, owner, now, what) == 0) {
            table.insert(hash, key, null, JobRow.COMPLETED, owner, null, now, what);
        }
    }

    /** Extends the leases of the keys runs of this JVM hold; called every third of a lease. */
    void renew() {
        if (!active.isEmpty()) {
            table.renew(new ArrayList<>(active), owner, clock.millis() + lease);
        }
    }

    int pending() {
        long now = clock.millis();
        return table.countPending(now - timeToLive, now);
    }

    int expire() {
        long now = clock.millis();
        return table.expire(now - timeToLive, now - retention, now);
    }

    int held() {
        return active.size();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
