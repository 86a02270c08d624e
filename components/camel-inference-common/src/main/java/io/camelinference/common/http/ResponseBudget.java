package io.camelinference.common.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the heap that answers being read take, for one HTTP client: each answer read into memory (JSON, error
 * bodies) reserves its bytes here first; one answer may not exceed {@code maxOne}, and all answers in flight together
 * may not exceed {@code maxTotal}. An answer that would break either bound fails clearly instead of exhausting the heap
 * (downloads go to files and take nothing from it).
 */
public final class ResponseBudget {

    private final long maxTotal;
    private final long maxOne;
    private final AtomicLong used = new AtomicLong();

    public ResponseBudget(long maxTotal, long maxOne) {
        if (maxOne < 1 || maxTotal < maxOne) {
            throw new IllegalArgumentException("A response budget needs 0 < maxOne <= maxTotal, was maxOne=" + maxOne
                    + " maxTotal=" + maxTotal);
        }
        this.maxTotal = maxTotal;
        this.maxOne = maxOne;
    }

    public long maxTotal() {
        return maxTotal;
    }

    public long maxOne() {
        return maxOne;
    }

    public long used() {
        return used.get();
    }

    /** Reserves {@code bytes}; false when the total would pass {@code maxTotal}. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > maxTotal) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
