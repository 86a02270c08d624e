package io.camelinference.common.http;

/**
 * Spaces the status checks a component sends one service, so that the service never counts more than
 * {@code perSecond} of them in any one second: each check takes a slot when it goes on the wire (its place at the
 * {@link RequestGate}), and slots are at least {@code 1.1 / perSecond} seconds apart. The tenth of margin absorbs the
 * differences in how long checks take to reach the service; spacing instead of a budget per second means no bursts,
 * so a queue of checks that drains at once cannot bunch them up at the service either.
 */
public final class StatusCheckPacer {

    /** Slots are spread over this much more than a second. */
    static final double MARGIN = 1.1;
    /** Above this rate a slot would be a few microseconds: the pace is as good as none. */
    static final int MAX_PACED_RATE = 100_000;

    private final int perSecond;
    private final long spacingNanos;
    private long nextAt;
    private boolean started;
    private long taken;

    public StatusCheckPacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("A status check rate must be at least 1 per second, was " + perSecond);
        }
        this.perSecond = perSecond;
        this.spacingNanos = perSecond > MAX_PACED_RATE ? 0 : (long) (MARGIN * 1_000_000_000L / perSecond);
    }

    /** When the next check may go ({@link System#nanoTime()}); at or before now when it may go now. */
    synchronized long readyAt(long now) {
        return started ? nextAt : now;
    }

    /** Takes the slot if one is free at {@code now}. */
    synchronized boolean tryTake(long now) {
        if (started && now - nextAt < 0) {
            return false;
        }
        started = true;
        nextAt = now + spacingNanos;
        taken++;
        return true;
    }

    public int perSecond() {
        return perSecond;
    }

    /** Checks let through so far. */
    public synchronized long taken() {
        return taken;
    }

    @Override
    public String toString() {
        return "StatusCheckPacer[" + perSecond + "/s]";
    }
}
