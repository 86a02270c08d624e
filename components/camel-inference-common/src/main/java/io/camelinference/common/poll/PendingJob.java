package io.camelinference.common.poll;

import java.time.Duration;

/**
 * A job a {@link JobPoller} is waiting for, as the dev console shows it.
 *
 * @param id     the service's id of the job
 * @param state  the state the last check saw (the service's own name), or {@code unknown} before the first answer
 * @param age    how long it has been waited for
 * @param checks status checks sent for it so far
 */
public record PendingJob(String id, String state, Duration age, int checks) {
}
