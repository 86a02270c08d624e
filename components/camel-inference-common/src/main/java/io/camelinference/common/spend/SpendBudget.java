package io.camelinference.common.spend;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.camelinference.common.billing.BillingUnit;
import io.camelinference.common.billing.Expected;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.common.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A spend budget: at most {@code limit} (in the service's billing unit) per {@code period}. Periods are fixed windows
 * aligned to the Unix epoch in UTC (a 24h period runs from midnight to midnight UTC, a 1h period from the hour); a new
 * period starts again from zero.
 * <p>
 * A billed call first {@link #reserve reserves} what it is expected to bill: it is refused, before anything is sent,
 * when what was spent, plus what calls in flight reserved, plus its own amount would pass the limit. A call whose cost
 * only its answer tells (nothing expected) is refused once spent and reserved reach the limit. When the call ends, what
 * it billed replaces its reservation. So the limit holds exactly for calls with known amounts, and is passed by at most
 * the last calls in flight for the others.
 * <p>
 * What was spent is written, under one key per budget ({@link #key()}), to the job store of each endpoint using the
 * budget, so it survives a restart; it is rewritten well within the store's time to live so it does not expire while
 * its period lasts.
 */
public final class SpendBudget {

    /** The store keys of budgets start with this. */
    public static final String KEY_PREFIX = "camel-inference.spend.";

    private static final Logger LOG = LoggerFactory.getLogger(SpendBudget.class);

    private final String provider;
    private final String id;
    private final BillingUnit unit;
    private final BigDecimal limit;
    private final Duration period;
    private final Supplier<Clock> clock;
    private final Set<JobStore> stores = new CopyOnWriteArraySet<>();
    private final Object writes = new Object();
    private long periodStart = Long.MIN_VALUE;
    private BigDecimal spent = BigDecimal.ZERO;
    private BigDecimal reserved = BigDecimal.ZERO;

    public SpendBudget(String provider, String id, BillingUnit unit, BigDecimal limit, Duration period,
                       Supplier<Clock> clock) {
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("A spend period must be positive, was " + period);
        }
        this.provider = provider;
        this.id = id;
        this.unit = unit;
        this.limit = limit;
        this.period = period;
        this.clock = clock;
    }

    /** Reserves what a call is expected to bill (null: only its answer will say), or refuses the call. */
    public synchronized Reservation reserve(Expected expected) {
        roll();
        BigDecimal adds = expected == null ? BigDecimal.ZERO : expected.amount();
        BigDecimal committed = spent.add(reserved);
        boolean refused = expected == null ? committed.compareTo(limit) >= 0 : committed.add(adds).compareTo(limit) > 0;
        if (refused) {
            throw refusal(expected);
        }
        reserved = reserved.add(adds);
        return new Reservation(adds);
    }

    /** What a billed call holds of the budget between its start and its end. */
    public final class Reservation {
        private final BigDecimal amount;
        private boolean settled;

        private Reservation(BigDecimal amount) {
            this.amount = amount;
        }

        /** The call ended: what it billed (zero when nothing) replaces what it reserved. */
        public void settle(BigDecimal billed) {
            SpendBudget.this.settle(this, billed);
        }
    }

    private void settle(Reservation reservation, BigDecimal billed) {
        synchronized (this) {
            if (reservation.settled) {
                return;
            }
            reservation.settled = true;
            reserved = reserved.subtract(reservation.amount).max(BigDecimal.ZERO);
            roll();
            if (billed == null || billed.signum() <= 0) {
                return;
            }
            spent = spent.add(billed);
        }
        stores.forEach(this::write); // outside the budget's lock: a slow store must not hold every reserve()
    }

    /**
     * Uses the store for this budget: reads what it remembers of the current period (the larger of that and what this
     * JVM counted is kept) and writes every change to it, refreshing it within the store's time to live: timed by the
     * scheduler, written through {@code continuation} (a database write must not hold the scheduler's one thread).
     *
     * @return ends the use (the endpoint stopped)
     */
    public AutoCloseable attach(JobStore store, ScheduledExecutorService scheduler, Consumer<Runnable> continuation) {
        load(store);
        stores.add(store);
        long every = Math.max(1_000, Math.min(store.timeToLive().toMillis() / 4, 3_600_000));
        ScheduledFuture<?> refresh = scheduler.scheduleWithFixedDelay(() -> continuation.accept(() -> refresh(store)),
                every, every, TimeUnit.MILLISECONDS);
        return () -> {
            refresh.cancel(false);
            stores.remove(store);
        };
    }

    private synchronized void load(JobStore store) {
        roll();
        String stored;
        try {
            stored = store.get(key());
        } catch (RuntimeException e) {
            LOG.warn("{}: cannot read what budget {} spent from {} ({}); counting from what this JVM saw", provider, id,
                    store, e.getMessage());
            return;
        }
        if (stored == null) {
            return;
        }
        String[] parts = stored.split(" ");
        try {
            if (parts.length == 2 && Long.parseLong(parts[0]) == periodStart) {
                spent = spent.max(new BigDecimal(parts[1]));
            }
        } catch (NumberFormatException e) {
            LOG.warn("{}: the stored spend of budget {} is unreadable ('{}'); counting from zero", provider, id,
                    stored);
        }
    }

    private void refresh(JobStore store) {
        synchronized (this) {
            roll();
            if (spent.signum() <= 0) {
                return;
            }
        }
        write(store);
    }

    /** One write at a time, each of the latest figure (so a later write never stores an older one). */
    private void write(JobStore store) {
        synchronized (writes) {
            String figure;
            synchronized (this) {
                figure = periodStart + " " + spent.toPlainString();
            }
            try {
                store.put(key(), figure);
            } catch (RuntimeException e) {
                // the call happened: what it billed stays counted in this JVM
                LOG.warn("{}: cannot store what budget {} spent in {} ({}); it is counted in this JVM only until"
                        + " stored", provider, id, store, e.getMessage());
            }
        }
    }

    /** Starts a new period (from zero) when the clock entered one. */
    private void roll() {
        long p = period.toMillis();
        long start = Math.floorDiv(clock.get().millis(), p) * p;
        if (start != periodStart) {
            periodStart = start;
            spent = BigDecimal.ZERO;
        }
    }

    private SpendLimitExceededException refusal(Expected expected) {
        Instant start = Instant.ofEpochMilli(periodStart);
        Instant end = start.plus(period);
        String message = provider + ": spend limit reached, the billed call was not sent. Budget " + id + " allows "
                + SpendText.amount(limit) + " " + unit.label() + " per " + SpendText.period(period) + "; in this period"
                + " (" + start + " to " + end + ") " + SpendText.spent(spent, reserved, unit.label()) + "; "
                + SpendText.adds(expected, unit.label()) + ". It starts again from zero at " + end;
        return new SpendLimitExceededException(provider, id, unit.label(), limit, period, start, end,
                spent.add(reserved), expected == null ? null : expected.amount(), message);
    }

    /** The budget's name: the scheme for a component's budget, else the endpoint's. */
    public String id() {
        return id;
    }

    /** The store key of this budget. */
    public String key() {
        return KEY_PREFIX + id;
    }

    public BillingUnit unit() {
        return unit;
    }

    public BigDecimal limit() {
        return limit;
    }

    public Duration period() {
        return period;
    }

    /** What was spent in the current period. */
    public synchronized BigDecimal spent() {
        roll();
        return spent;
    }

    /** What calls in flight reserved. */
    public synchronized BigDecimal reserved() {
        return reserved;
    }

    public synchronized Instant periodStart() {
        roll();
        return Instant.ofEpochMilli(periodStart);
    }

    public synchronized Instant periodEnd() {
        return periodStart().plus(period);
    }

    @Override
    public String toString() {
        return "SpendBudget[" + id + ", " + SpendText.amount(limit) + " " + unit.label() + " per "
                + SpendText.period(period) + "]";
    }
}
