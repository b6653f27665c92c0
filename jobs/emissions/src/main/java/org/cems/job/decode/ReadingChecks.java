package org.cems.job.decode;

import java.io.Serializable;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;

/**
 * What decoding checks on each reading beyond its format.
 *
 * @param maxAheadMs a DataTime further ahead of the message's arrival is a dead letter ({@code future_time})
 * @param overRangeIsValid values flagged T count as valid data ({@code over_range: use_reported})
 */
public record ReadingChecks(long maxAheadMs, boolean overRangeIsValid) implements Serializable {
    public static ReadingChecks of(JobConfig config) {
        return new ReadingChecks(
                Durations.parse(config.clock.maxAhead).toMillis(),
                JobConfig.OVER_RANGE_USE_REPORTED.equals(config.overRange));
    }

    /** The defaults of the job config. */
    public static ReadingChecks defaults() {
        return of(new JobConfig());
    }
}
