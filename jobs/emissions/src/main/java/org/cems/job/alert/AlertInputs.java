package org.cems.job.alert;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.job.config.JobConfig;
import org.cems.job.decode.DeadLetter;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.SourcePeriod;

/**
 * What an {@link AlertEngine} may read: the job's streams it judges and the settings it judges them by.
 *
 * @param readingFlags every decoded reading without its values ({@link NoDataAlerts#withoutValues}): MN, times, flags
 * @param refusedReadings the decoder's dead letters (a clock far ahead shows as readings refused for it)
 * @param emissions the source windows' minute, hour and day records
 * @param periods the source windows' minutes and hours, once per source ({@link SourcePeriod})
 * @param efficiencies the devices' minute efficiencies
 * @param measurements HJ 212-2025 station measurements (electricity, production conditions)
 */
public record AlertInputs(
        Registry registry,
        AlertSettings settings,
        JobConfig config,
        DataStream<SourceReading> readingFlags,
        DataStream<DeadLetter> refusedReadings,
        DataStream<EmissionRecord> emissions,
        DataStream<SourcePeriod> periods,
        DataStream<EfficiencyRecord> efficiencies,
        DataStream<StationMeasurement> measurements) {}
