package org.cems.job.alert;

import java.io.Serializable;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;
import org.cems.job.emission.StopThresholds;

/**
 * The alert engine's thresholds, from the job config's {@code alerts} section.
 *
 * @param english messages in English instead of Chinese
 * @param zoneId zone of the local times in messages
 * @param exceedanceHoldHours valid hours within the limit before an exceedance resolves
 * @param dropSustainMinutes low-efficiency minutes before an efficiency drop fires
 * @param dropHoldMinutes normal minutes before it resolves
 * @param defaultMaxDropPctPoints drop under baseline that counts, where the device sets none
 * @param silentForMs processing time a running point may be silent
 * @param faultMs how long flag D may last (event time); likewise C and M
 * @param instrumentHoldMs how long flags must be back to normal before an instrument alert resolves
 * @param overRangeMs how long flag T may last (0: the first over-range value fires)
 * @param stoppedMs how long flag F may last without a corroborated source stop
 * @param stopThresholds flow and load that corroborate a stop ({@code stop_detection.*}, as the windows use)
 * @param clockSkewToleranceMs how far a point's DataTime may be off its arrival time
 * @param clockSkewSustainMs how long it must be off (or back) before clock_skew fires (or resolves)
 * @param noPowerSustainMs how long a treatment facility may draw no power while production runs before treatment_no_power fires (event time)
 * @param noPowerHoldMs how long it must draw power again (or production be stopped) before the alert resolves
 */
public record AlertSettings(
        boolean english,
        String zoneId,
        int exceedanceHoldHours,
        int dropSustainMinutes,
        int dropHoldMinutes,
        double defaultMaxDropPctPoints,
        long silentForMs,
        long faultMs,
        long calibrationMs,
        long maintenanceMs,
        long instrumentHoldMs,
        long overRangeMs,
        long stoppedMs,
        StopThresholds stopThresholds,
        long clockSkewToleranceMs,
        long clockSkewSustainMs,
        long noPowerSustainMs,
        long noPowerHoldMs)
        implements Serializable {

    /** With the default stop thresholds. */
    public static AlertSettings of(JobConfig.Alerts a, String zoneId) {
        return of(a, StopThresholds.DEFAULTS, zoneId);
    }

    public static AlertSettings of(JobConfig.Alerts a, StopThresholds stopThresholds, String zoneId) {
        return new AlertSettings(
                "en".equals(a.language),
                zoneId,
                (int) Durations.parse(a.exceedance.hold).toHours(),
                (int) Durations.parse(a.efficiencyDrop.sustain).toMinutes(),
                (int) Durations.parse(a.efficiencyDrop.hold).toMinutes(),
                a.efficiencyDrop.maxDropPctPoints,
                Durations.parse(a.noData.silentFor).toMillis(),
                Durations.parse(a.instrument.fault).toMillis(),
                Durations.parse(a.instrument.calibration).toMillis(),
                Durations.parse(a.instrument.maintenance).toMillis(),
                Durations.parse(a.instrument.hold).toMillis(),
                Durations.parse(a.instrument.overRange).toMillis(),
                Durations.parse(a.instrument.stopped).toMillis(),
                stopThresholds,
                Durations.parse(a.clockSkew.tolerance).toMillis(),
                Durations.parse(a.clockSkew.sustain).toMillis(),
                Durations.parse(a.treatmentNoPower.sustain).toMillis(),
                Durations.parse(a.treatmentNoPower.hold).toMillis());
    }
}
