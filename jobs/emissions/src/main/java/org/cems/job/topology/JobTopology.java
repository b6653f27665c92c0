package org.cems.job.topology;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.time.Durations;
import org.cems.job.alert.AlertEngines;
import org.cems.job.alert.AlertEvent;
import org.cems.job.alert.AlertInputs;
import org.cems.job.alert.NoDataAlerts;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.efficiency.DeviceEfficiency;
import org.cems.job.efficiency.DevicePowers;
import org.cems.job.efficiency.DeviceSide;
import org.cems.job.efficiency.DeviceSides;
import org.cems.job.efficiency.DeviceStatuses;
import org.cems.job.efficiency.EfficiencyGains;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.emission.ClockSettings;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.ProductionConditions;
import org.cems.job.emission.SourcePeriod;
import org.cems.job.emission.SourceWindows;
import org.cems.job.incident.OpenIncidents;
import org.cems.job.kpi.CoalRates;
import org.cems.job.kpi.WeightedDailyKpi;
import org.cems.job.kpi.WeightedValue;
import org.cems.job.points.AlertPoints;
import org.cems.job.points.DataRatePoints;
import org.cems.job.points.EfficiencyPoints;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.KpiPoints;
import org.cems.job.points.QualityPoints;
import org.cems.job.points.RegistryPoints;
import org.cems.job.points.TotalPoints;
import org.cems.job.quality.QualityCounter;
import org.cems.job.quality.QualityKey;
import org.cems.job.rate.DataRates;
import org.cems.job.rate.SourceRecordCounts;
import org.cems.job.rollup.Contribution;
import org.cems.job.rollup.ContributionSums;
import org.cems.job.rollup.Contributions;
import org.cems.job.rollup.Rollup;
import org.cems.job.rollup.SourceYearChange;
import org.cems.job.rollup.SourceYearDays;
import org.cems.job.rollup.YearToDateKpi;
import org.cems.job.rollup.YearToDatePart;
import org.cems.job.rollup.YearToDateParts;
import org.cems.job.types.JobTypes;

/**
 * The emissions job's operators, from its sources to its {@link JobOutputs}, in steps: decode,
 * source windows, carbon, roll-ups and KPIs, efficiency, alerts, quality, duty. No sink is attached
 * here ({@code org.cems.job.sink.JobSinks} does that). Every operator keeps its uid (savepoints map
 * state by it), and the steps run in this order so that operators chained to one another keep
 * their order in the chain.
 */
public final class JobTopology {
    private JobTopology() {}

    public static JobOutputs build(StreamExecutionEnvironment env, JobContext job) {
        Decoded decoded = Decoded.of(JobSources.rawMessages(env, job.config()), job);
        SingleOutputStreamOperator<EmissionRecord> emissions = windows(decoded, job);
        DataStream<InfluxPoint> emissionPoints = emissions
                .getSideOutput(SourceWindows.WINDOWS)
                .map(new EmissionPoints())
                .name("emission-points")
                .uid("emission-points");
        DataStream<InfluxPoint> rollupPoints = rollups(emissions, job);
        SingleOutputStreamOperator<EfficiencyRecord> efficiencies = efficiencies(decoded, emissions, job);
        DataStream<InfluxPoint> efficiencyPoints = efficiencies
                .map(new EfficiencyPoints())
                .name("efficiency-points")
                .uid("efficiency-points");
        DataStream<InfluxPoint> weightedKpiPoints = weightedKpis(efficiencies, emissions, job);
        DataStream<AlertEvent> alerts = alerts(decoded, emissions, efficiencies, job);
        DataStream<DeadLetter> deadLetters =
                decoded.deadLetters().union(emissions.getSideOutput(DecodePayloads.DEAD_LETTERS));
        DataStream<InfluxPoint> qualityPoints = quality(deadLetters, emissions);
        DataStream<InfluxPoint> alertPoints =
                alerts.map(new AlertPoints()).name("alert-points").uid("alert-points");
        DataStream<InfluxPoint> points = decoded.splitReadingPoints()
                .union(
                        rollupPoints,
                        qualityPoints,
                        efficiencyPoints,
                        weightedKpiPoints,
                        alertPoints,
                        decoded.stationPoints(),
                        duty(alerts, emissions, job));
        return new JobOutputs(
                decoded.readingPoints(),
                emissionPoints,
                RegistryPoints.daily(env, job.registry()),
                points,
                alerts,
                deadLetters);
    }

    /** Minute, hour and day windows of each source, with the facilities' status as evidence of stops. */
    private static SingleOutputStreamOperator<EmissionRecord> windows(Decoded decoded, JobContext job) {
        // HJ 212-2025 production conditions the registry interprets corroborate stops as production status does
        DataStream<FacilityStatus> productionStatuses = decoded.facilityStatuses()
                .union(decoded.measurements()
                        .flatMap(new ProductionConditions(job.registry()))
                        .name("production-conditions")
                        .uid("production-conditions"));
        return decoded.readings()
                .keyBy(r -> r.mn)
                .connect(productionStatuses.keyBy(f -> f.mn))
                .process(new SourceWindows(
                        job.registry(), job.windows(), ClockSettings.of(job.config().clock), job.accounting()))
                .name("source-windows")
                .uid("source-windows");
    }

    /**
     * Totals of each enterprise, park and the city, and the year-to-date KPIs: each stack's masses
     * are kept once, keyed by stack, and the scopes only add up their changes.
     */
    private static DataStream<InfluxPoint> rollups(DataStream<EmissionRecord> emissions, JobContext job) {
        DataStream<InfluxPoint> totals = emissions
                .filter(Contributions::counts)
                .name("counted-masses")
                .uid("counted-masses")
                .keyBy(Contributions::sourceKey)
                .process(new Contributions(job.registry()))
                .name("contributions")
                .uid("contributions")
                .transform("contribution-sums", TypeInformation.of(Contribution.class), new ContributionSums())
                .uid("contribution-sums")
                .keyBy(Contribution::windowKey)
                .process(new Rollup())
                .name("window-totals")
                .uid("window-totals")
                .map(new TotalPoints())
                .name("total-points")
                .uid("total-points");
        // year-to-date KPIs need each stack's days (what its data covers), not the scope's totals
        DataStream<InfluxPoint> kpis = emissions
                .filter(SourceYearDays::counts)
                .name("plan-pollutant-days")
                .uid("plan-pollutant-days")
                .keyBy(Contributions::sourceKey)
                .process(new SourceYearDays(job.registry()))
                .name("source-year-days")
                .uid("source-year-days")
                .keyBy(SourceYearChange::shardKey)
                .process(new YearToDateParts(job.registry()))
                .name("year-to-date-shards")
                .uid("year-to-date-shards")
                .keyBy(YearToDatePart::yearKey)
                .process(new YearToDateKpi(job.registry()))
                .name("year-to-date-kpi-sums")
                .uid("year-to-date-kpi-sums")
                .map(new KpiPoints())
                .name("kpi-points")
                .uid("kpi-points");
        return totals.union(kpis);
    }

    /** Each control device's efficiency per minute, hour and day, from its inlet and outlet sides, its status and its power. */
    private static SingleOutputStreamOperator<EfficiencyRecord> efficiencies(
            Decoded decoded, DataStream<EmissionRecord> emissions, JobContext job) {
        return emissions
                .flatMap(new DeviceSides(job.registry()))
                .name("device-sides")
                .uid("device-sides")
                .union(
                        decoded.facilityStatuses()
                                .flatMap(new DeviceStatuses(job.registry()))
                                .name("device-statuses")
                                .uid("device-statuses"),
                        decoded.measurements()
                                .flatMap(new DevicePowers(job.registry(), job.config().facilityPower.noPowerBelow))
                                .name("device-powers")
                                .uid("device-powers"))
                .keyBy(DeviceSide::deviceKey)
                .process(new DeviceEfficiency(
                        job.registry(), job.zone(), job.windows().allowedLatenessMs()))
                .name("device-efficiency")
                .uid("device-efficiency");
    }

    /** Daily weighted KPIs: efficiency gains weighted by the mass each device treats, coal rates by energy. */
    private static DataStream<InfluxPoint> weightedKpis(
            DataStream<EfficiencyRecord> efficiencies,
            SingleOutputStreamOperator<EmissionRecord> emissions,
            JobContext job) {
        return efficiencies
                .flatMap(new EfficiencyGains(job.registry(), job.zone()))
                .name("efficiency-gains")
                .uid("efficiency-gains")
                .union(emissions
                        .getSideOutput(SourceWindows.CARBON)
                        .flatMap(new CoalRates(job.registry(), job.zone()))
                        .name("coal-rates")
                        .uid("coal-rates"))
                .keyBy(WeightedValue::kpiKey)
                .process(new WeightedDailyKpi())
                .name("weighted-daily-kpis")
                .uid("weighted-daily-kpis")
                .map(new KpiPoints())
                .name("weighted-kpi-points")
                .uid("weighted-kpi-points");
    }

    /** The events of every engine in {@link AlertEngines}. */
    private static DataStream<AlertEvent> alerts(
            Decoded decoded,
            SingleOutputStreamOperator<EmissionRecord> emissions,
            DataStream<EfficiencyRecord> efficiencies,
            JobContext job) {
        // the alerts on readings need their flags only: slimmed where they are decoded, before the network
        DataStream<SourceReading> readingFlags = decoded.direct()
                .map(NoDataAlerts::withoutValues)
                .returns(JobTypes.SOURCE_READING)
                .name("reading-flags")
                .uid("reading-flags")
                .union(decoded.joinedSplits()
                        .map(NoDataAlerts::withoutValues)
                        .returns(JobTypes.SOURCE_READING)
                        .name("split-reading-flags")
                        .uid("split-reading-flags"));
        return AlertEngines.union(new AlertInputs(
                job.registry(),
                job.alerts(),
                job.config(),
                readingFlags,
                decoded.deadLetters(),
                emissions,
                emissions.getSideOutput(SourceWindows.PERIODS),
                efficiencies,
                decoded.measurements()));
    }

    /** Dead letters and accounting events counted per source, reason and minute. */
    private static DataStream<InfluxPoint> quality(
            DataStream<DeadLetter> deadLetters, SingleOutputStreamOperator<EmissionRecord> emissions) {
        // accounting events are counted in quality but are not dead letters: no input was refused
        return deadLetters
                .union(emissions.getSideOutput(SourceWindows.QUALITY))
                .keyBy(new QualityKey())
                .process(new QualityCounter())
                .name("quality-counts")
                .uid("quality-counts")
                .map(new QualityPoints())
                .name("quality-points")
                .uid("quality-points");
    }

    /**
     * What the duty officer works with (docs/duty.md): the open incidents, re-written every
     * {@code incidents.snapshot_interval}, and the transmission and validity rates of every
     * registry source, enterprise and the city per hour and day.
     */
    private static DataStream<InfluxPoint> duty(
            DataStream<AlertEvent> alerts, SingleOutputStreamOperator<EmissionRecord> emissions, JobContext job) {
        DataStream<InfluxPoint> incidents = alerts.keyBy(OpenIncidents.ONE_KEY)
                .process(new OpenIncidents(
                        job.registry(),
                        Durations.parse(job.config().incidents.snapshotInterval).toMillis()))
                .name("open-incidents")
                .uid("open-incidents");
        long latenessMs = Durations.parse(job.config().allowedLateness).toMillis();
        DataStream<InfluxPoint> rates = emissions
                .getSideOutput(SourceWindows.PERIODS)
                .keyBy(SourcePeriod::sourceKey)
                .process(new SourceRecordCounts(job.zone(), latenessMs))
                .name("source-record-counts")
                .uid("source-record-counts")
                .keyBy(DataRates.ONE_KEY)
                .process(new DataRates(job.registry(), job.zone(), latenessMs))
                .name("data-rates")
                .uid("data-rates")
                .map(new DataRatePoints(job.registry()))
                .name("data-rate-points")
                .uid("data-rate-points");
        return incidents.union(rates);
    }
}
