package io.camelinference.common.job;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A {@link JobStore} on a Camel {@link StateRepository} (e.g. {@code FileStateRepository}, or one an application
 * shares between replicas). Camel's SPI has no removal, so a removed key is written as an empty value and reads as
 * absent; each value carries its write time so entries expire. Prefer {@link FileJobStore} (or a JDBC store) where the
 * store should shrink as jobs finish.
 */
public final class StateRepositoryJobStore extends LocalJobStore {

    private final StateRepository<String, String> repository;
    private final Duration timeToLive;
    private final Clock clock;

    public StateRepositoryJobStore(StateRepository<String, String> repository, Duration timeToLive) {
        this(repository, timeToLive, Clock.systemUTC());
    }

    StateRepositoryJobStore(StateRepository<String, String> repository, Duration timeToLive, Clock clock) {
        this.repository = repository;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public String get(String key) {
        String stored = repository.getState(key);
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        int bar = stored.indexOf('|');
        if (bar < 0) {
            return stored; // written by an earlier version, without a time
        }
        try {
            long writtenAt = Long.parseLong(stored.substring(0, bar));
            if (clock.millis() - writtenAt > timeToLive.toMillis()) {
                return null;
            }
        } catch (NumberFormatException e) {
            return stored;
        }
        return stored.substring(bar + 1);
    }

    @Override
    public void put(String key, String value) {
        repository.setState(key, clock.millis() + "|" + value);
    }


    @Override
    public synchronized boolean putIfAbsent(String key, String value) {
        // only as atomic as this JVM: Camel's SPI has no compare-and-set
        if (get(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public void remove(String key) {
        repository.setState(key, "");
    }

    /** Not known: Camel's SPI cannot list its keys. */
    @Override
    public int size() {
        return -1;
    }

    /** Expired entries read as absent; Camel's SPI cannot list them to remove them. */
    @Override
    public int expire() {
        return 0;
    }

    @Override
    public Duration timeToLive() {
        return timeToLive;
    }

    @Override
    public void start() {
        ServiceHelper.startService(repository);
    }

    @Override
    public String toString() {
        return "StateRepositoryJobStore[" + repository.getClass().getSimpleName() + "]";
    }
}
