package org.cems.job.emission;

import java.io.Serializable;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;

/**
 * How a source's clock jump is told from a real one (see {@link ClockJumpGuard}).
 *
 * @param jumpThresholdMs how far a DataTime may run ahead of the source's clock, beyond the
 *     arrival time that passed since its newest reading, before it is held as a possible jump
 * @param jumpConfirmations readings near a held jump that confirm it; as many near the old clock reject it
 */
public record ClockSettings(long jumpThresholdMs, int jumpConfirmations) implements Serializable {
    public static ClockSettings of(JobConfig.Clock c) {
        return new ClockSettings(Durations.parse(c.jumpThreshold).toMillis(), c.jumpConfirmations);
    }

    public static ClockSettings defaults() {
        return of(new JobConfig.Clock());
    }
}
