package io.camelinference.common.poll;

import java.time.Duration;

/**
 * When to check one job. Knowing nothing, the first check comes after {@code pollInitialDelay} and the intervals double
 * up to {@code pollMaxInterval}. Knowing how long such jobs take (a {@link DurationEstimator}'s estimate E), the checks
 * are planned backwards from just after E at {@code pollMaxInterval} spacing, so a job that finishes as expected costs
 * about E / pollMaxInterval checks and is never noticed more than one interval late; a job still running after E is
 * checked again from {@code pollInitialDelay}, doubling.
 */
final class CheckPlan {

    private final PollSchedule schedule;
    private final Duration first;
    private final int planned;

    CheckPlan(PollSchedule schedule, Duration estimate) {
        this.schedule = schedule;
        if (estimate == null) {
            this.first = schedule.initialDelay();
            this.planned = 0;
        } else {
            long interval = Math.max(1, schedule.maxInterval().toNanos());
            long target = estimate.toNanos() + Math.max(50_000_000L, estimate.toNanos() / 20);
            int n = (int) Math.max(1, target / interval);
            this.first = Duration.ofNanos(Math.max(schedule.initialDelay().toNanos(), target - (n - 1) * interval));
            this.planned = n;
        }
    }

    Duration first() {
        return first;
    }

    /** The wait after the {@code checksDone}-th check found the job still running (or could not tell). */
    Duration next(int checksDone) {
        if (checksDone < planned) {
            return schedule.maxInterval();
        }
        return schedule.backoff().delay(checksDone - planned);
    }
}
