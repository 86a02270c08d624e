package io.camelinference.jdbc;

/**
 * One row of the job table.
 *
 * @param status     {@link #PENDING} or {@link #COMPLETED}
 * @param state      the job chain's stored state, null when only claimed (or completed)
 * @param owner      the replica that claimed or wrote it last
 * @param leaseUntil epoch ms until which the owner's claim holds; null when nobody runs the job now
 * @param writtenAt  epoch ms of the last write
 * @param version    incremented by every write
 */
record JobRow(String status, String state, String owner, Long leaseUntil, long writtenAt, long version) {

    static final String PENDING = "P";
    static final String COMPLETED = "C";

    boolean completed() {
        return COMPLETED.equals(status);
    }

    /** Whether a claim holds the row at {@code now}. */
    boolean leasedAt(long now) {
        return leaseUntil != null && leaseUntil >= now;
    }
}
