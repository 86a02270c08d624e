package io.camelinference.emulator.annolab;

import java.time.Duration;
import java.time.Instant;

import io.camelinference.emulator.spi.Job;

/**
 * AnnoLab reports a waiting phase before the running one ({@code Queued} for inference, {@code initialized} for
 * exports); the emulator shows it for the first third of a job's run so that a client sees the whole sequence.
 */
final class JobPhases {

    private JobPhases() {
    }

    static boolean inFirstThird(Job job) {
        long elapsed = Duration.between(job.createdAt(), Instant.now()).toMillis();
        return elapsed < Math.max(1, job.durationMillis() / 3);
    }
}
