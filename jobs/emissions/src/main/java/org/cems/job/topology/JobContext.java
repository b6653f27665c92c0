package org.cems.job.topology;

import java.nio.file.Path;
import java.util.Set;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.time.Durations;
import org.cems.job.alert.AlertSettings;
import org.cems.job.config.JobConfig;
import org.cems.job.emission.AccountingSettings;
import org.cems.job.emission.StopThresholds;
import org.cems.job.emission.WindowSettings;

/**
 * What every step of the job and every sink works with: the config, the registry it names, and the
 * zone of local DataTimes and day boundaries; the settings the steps take are read from the config here.
 */
public record JobContext(JobConfig config, Registry registry, String zone) {

    /** Loads the registry the config names; the zone is the config's, else the registry's. */
    public static JobContext load(JobConfig config) {
        Registry registry = RegistryLoader.load(Path.of(config.registry));
        return new JobContext(config, registry, config.timezone != null ? config.timezone : registry.timezone);
    }

    WindowSettings windows() {
        return new WindowSettings(
                Durations.parse(config.maxOutOfOrderness).toMillis(),
                Durations.parse(config.allowedLateness).toMillis(),
                Durations.parse(config.idleTimeout).toMillis(),
                zone,
                config.minSamplesPerMinute);
    }

    AccountingSettings accounting() {
        JobConfig.Accounting a = config.accounting;
        return new AccountingSettings(
                Set.copyOf(a.substitutedPollutants),
                a.alphaBelow75,
                a.scaleByRunningTime,
                Durations.parse(a.maxGap).toHours(),
                a.loggerTotalTolerancePct,
                stopThresholds());
    }

    AlertSettings alerts() {
        return AlertSettings.of(config.alerts, stopThresholds(), zone);
    }

    private StopThresholds stopThresholds() {
        return new StopThresholds(config.stopDetection.flowBelowM3H, config.stopDetection.loadBelowMw);
    }
}
