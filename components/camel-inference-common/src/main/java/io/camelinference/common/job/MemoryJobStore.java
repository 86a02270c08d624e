package io.camelinference.common.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps job state in memory: jobs resume after a failed exchange is retried, not after the JVM restarts. */
public class MemoryJobStore extends LocalJobStore {

    /** A stored value and when it was written (milliseconds of the store's clock). */
    protected record Entry(String value, long writtenAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Duration timeToLive;
    private final Clock clock;

    public MemoryJobStore(Duration timeToLive) {
        this(timeToLive, Clock.systemUTC());
    }

    public MemoryJobStore(Duration timeToLive, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("A job store's time to live must be positive, was " + timeToLive);
        }
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public String get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (expired(e)) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }


    @Override
    public void put(String key, String value) {
        Entry e = new Entry(value, clock.millis());
        entries.put(key, e);
        written(key, e);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        Entry fresh = new Entry(value, clock.millis());
        boolean[] stored = {false};
        entries.compute(key, (k, old) -> {
            if (old == null || expired(old)) {
                stored[0] = true;
                return fresh;
            }
            return old;
        });
        if (stored[0]) {
            written(key, fresh);
        }
        return stored[0];
    }

    @Override
    public void remove(String key) {
        if (entries.remove(key) != null) {
            removed(key);
        }
    }

    @Override
    public int size() {
        return (int) entries.values().stream().filter(e -> !expired(e)).count();
    }

    @Override
    public int expire() {
        int[] removed = {0};
        entries.forEach((key, e) -> {
            if (expired(e) && entries.remove(key, e)) {
                removed[0]++;
                removed(key);
            }
        });
        return removed[0];
    }

    @Override
    public Duration timeToLive() {
        return timeToLive;
    }

    /** Keeps entries at least this long from now on (a store shared by users that asked for different times). */
    public synchronized void extendTimeToLive(Duration atLeast) {
        if (atLeast.compareTo(timeToLive) > 0) {
            timeToLive = atLeast;
        }
    }

    /** Loads an entry read from persistent storage, keeping its original write time. */
    protected void load(String key, String value, long writtenAt) {
        Entry e = new Entry(value, writtenAt);
        if (!expired(e)) {
            entries.put(key, e);
        }
    }

    protected Map<String, Entry> entries() {
        return entries;
    }

    /** Called after a key was written; persistent subclasses record it. */
    protected void written(String key, Entry entry) {
    }

    /** Called after a key was removed; persistent subclasses record it. */
    protected void removed(String key) {
    }

    private boolean expired(Entry e) {
        return clock.millis() - e.writtenAt() > timeToLive.toMillis();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + entries.size() + " entries, ttl " + timeToLive + "]";
    }
}
