package org.cems.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.connector.mqtt.sink.MqttSink;
import org.cems.connector.mqtt.sink.MqttSinkOptions;
import org.cems.job.alert.AlertEvent;
import org.cems.job.alert.AlertKafkaSerializer;
import org.cems.job.alert.AlertMqttMessages;
import org.cems.job.alert.AlertSettings;
import org.cems.job.alert.ClockSkewAlerts;
import org.cems.job.alert.EfficiencyDropAlerts;
import org.cems.job.alert.ExceedanceAlerts;
import org.cems.job.alert.InstrumentAlerts;
import org.cems.job.alert.NoDataAlerts;
import org.cems.job.alert.TreatmentPowerAlerts;
import org.cems.job.efficiency.DeviceEfficiency;
import org.cems.job.efficiency.DevicePowers;
import org.cems.job.efficiency.DeviceSide;
import org.cems.job.efficiency.DeviceSides;
import org.cems.job.efficiency.DeviceStatuses;
import org.cems.job.efficiency.EfficiencyGains;
import org.cems.job.efficiency.EfficiencyRecord;
import org.cems.job.incident.OpenIncidents;
import org.cems.job.points.AlertPoints;
import org.cems.job.points.DataRatePoints;
import org.cems.job.points.EfficiencyPoints;
import org.cems.job.points.FacilityPoints;
import org.cems.job.points.StationEventPoints;
import org.cems.job.points.StationMeasurementPoints;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.RawMessage;
import org.cems.core.reading.StationMeasurement;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.decode.CountDeadLetters;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DeadLetterSerializer;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.decode.ReadingChecks;
import org.cems.job.decode.SplitUploads;
import org.cems.job.emission.ClockSettings;
import org.cems.job.emission.AccountingSettings;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.ProductionConditions;
import org.cems.job.emission.SourceWindows;
import org.cems.job.emission.StopThresholds;
import org.cems.job.emission.WindowSettings;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.io.InfluxSinks;
import org.cems.job.io.KafkaClients;
import org.cems.job.io.KafkaRawMessages;
import org.cems.job.io.MqttRawMessages;
import org.cems.job.notify.AlertNotifier;
import org.cems.job.io.SecuredClients;
import org.cems.job.points.CarbonPoints;
import org.cems.job.points.KpiPoints;
import org.cems.job.points.TotalPoints;
import org.cems.job.rollup.Contribution;
import org.cems.job.rollup.Contributions;
import org.cems.job.rollup.Rollup;
import org.cems.job.rollup.TotalRecord;
import org.cems.job.rollup.SourceDay;
import org.cems.job.rollup.SourceDays;
import org.cems.job.rollup.YearToDateKpi;
import org.cems.job.kpi.CoalRates;
import org.cems.job.kpi.WeightedDailyKpi;
import org.cems.job.kpi.WeightedValue;
import org.cems.job.types.SerializerTypeInfo;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.QualityPoints;
import org.cems.job.points.ReadingPoints;
import org.cems.job.points.RegistryPoints;
import org.cems.job.quality.QualityCounter;
import org.cems.job.quality.QualityKey;
import org.cems.job.rate.DataRates;
import org.cems.job.rate.SourceRecordCounts;

/**
 * The emissions job: readings from Kafka and MQTT, decoded and normalised, to InfluxDB as
 * {@code reading}, {@code emission}, {@code efficiency}, {@code kpi}, {@code alert}, {@code quality}, {@code facility},
 * {@code station_event}, {@code incident_open}, {@code incident_count}, {@code data_rate} and the HJ 212-2025 {@code facility_power}, {@code production_condition}, {@code voc_raw} and
 * {@code furnace_temperature} points;
 * alert events also to Kafka {@code cems.alerts} and MQTT; bad input to {@code cems.deadletter}.
 * Runs on any Flink 2.2 cluster ({@code flink run cems-emissions.jar --config FILE}) or embedded.
 */
public final class EmissionsJob {
    public static final String JOB_NAME = "cems-emissions";
    /** Parts of a split HJ 212 upload not all in within this are a dead letter (incomplete_split). */
    static final long SPLIT_UPLOAD_TIMEOUT_MS = 10 * 60_000L;
    /**
     * Checkpoints when neither the config nor the cluster sets an interval: MQTT QoS 1 messages are
     * acknowledged on checkpoints, so their interval bounds MQTT throughput (docs/connectors.md, "MQTT source").
     */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private EmissionsJob() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("config")) {
            System.err.println("usage: EmissionsJob --config FILE");
            System.exit(2);
        }
        JobConfig config = JobConfigLoader.load(Path.of(params.get("config")));
        Endpoints.prepare(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        build(env, config);
        env.execute(JOB_NAME);
    }

    /** Flink settings that come from the job's own config file. */
    public static Configuration flinkConfiguration(JobConfig config) {
        Configuration conf = new Configuration();
        if (config.checkpoint.storage != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpoint.storage);
        }
        conf.set(StateBackendOptions.STATE_BACKEND, config.checkpoint.stateBackend);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, config.checkpoint.incremental);
        return conf;
    }

    /** Adds the whole pipeline to {@code env}. */
    public static void build(StreamExecutionEnvironment env, JobConfig config) {
        build(env, config, () -> InfluxSinks.create(config.influxdb, config.kafka));
    }

    /**
     * The pipeline with its points going to sinks from {@code pointSinks} (one per call) instead of
     * InfluxDB: the benchmark measures the processing apart from the server with a discarding sink.
     */
    public static void build(StreamExecutionEnvironment env, JobConfig config, Supplier<Sink<InfluxPoint>> pointSinks) {
        Registry registry = RegistryLoader.load(Path.of(config.registry));
        SecuredClients.checkKafkaLogin(config.kafka);
        String zone = config.timezone != null ? config.timezone : registry.timezone;
        WindowSettings windows = windowSettings(config, zone);
        if (config.parallelism != null) {
            env.setParallelism(config.parallelism);
        }
        env.enableCheckpointing(checkpointInterval(config, env.getConfiguration()).toMillis());

        SingleOutputStreamOperator<SourceReading> decoded = rawMessages(env, config)
                .process(new DecodePayloads(registry, zone, config.maxPayloadBytes, ReadingChecks.of(config), config.sm4.keySource())).returns(SerializerTypeInfo.SOURCE_READING)
                .name("decode-payloads").uid("decode-payloads");
        SingleOutputStreamOperator<SourceReading> joinedSplits = decoded.getSideOutput(DecodePayloads.SPLIT_PARTS)
                .keyBy(p -> p.mn)
                .process(new SplitUploads(registry, zone, SPLIT_UPLOAD_TIMEOUT_MS, ReadingChecks.of(config))).returns(SerializerTypeInfo.SOURCE_READING)
                .name("split-uploads").uid("split-uploads");
        DataStream<SourceReading> readings = decoded.union(joinedSplits);
        DataStream<FacilityStatus> facilityStatuses = decoded.getSideOutput(DecodePayloads.FACILITY)
                .union(joinedSplits.getSideOutput(DecodePayloads.FACILITY));
        DataStream<StationMeasurement> measurements = decoded.getSideOutput(DecodePayloads.MEASUREMENTS)
                .union(joinedSplits.getSideOutput(DecodePayloads.MEASUREMENTS));
        DataStream<InfluxPoint> stationPoints = facilityStatuses.map(new FacilityPoints(registry)).name("facility-points").uid("facility-points")
                .union(decoded.getSideOutput(DecodePayloads.STATION_EVENTS).union(joinedSplits.getSideOutput(DecodePayloads.STATION_EVENTS))
                        .map(new StationEventPoints(registry)).name("station-event-points").uid("station-event-points"),
                        measurements.map(new StationMeasurementPoints(registry)).name("station-measurement-points").uid("station-measurement-points"));
        // HJ 212-2025 production conditions the registry interprets corroborate stops as production status does
        DataStream<FacilityStatus> productionStatuses = facilityStatuses.union(measurements
                .flatMap(new ProductionConditions(registry)).name("production-conditions").uid("production-conditions"));
        // Reading points are most of the volume: the decoder's go to a sink of their own, in the same
        // chain, so they never cross the network between tasks (an operator with several inputs, as
        // after a union, cannot be chained).
        decoded.flatMap(new ReadingPoints()).name("reading-points").uid("reading-points")
                .sinkTo(pointSinks.get()).name("influxdb-readings").uid("influxdb-readings");
        RegistryPoints.writeDaily(env, registry, pointSinks.get());
        DataStream<InfluxPoint> splitReadingPoints = joinedSplits.flatMap(new ReadingPoints())
                .name("split-reading-points").uid("split-reading-points");
        SingleOutputStreamOperator<EmissionRecord> emissions = readings
                .keyBy(r -> r.mn)
                .connect(productionStatuses.keyBy(f -> f.mn))
                .process(new SourceWindows(registry, windows, ClockSettings.of(config.clock), accountingSettings(config)))
                .name("source-windows").uid("source-windows");
        DataStream<InfluxPoint> emissionPoints = emissions.map(new EmissionPoints()).name("emission-points").uid("emission-points");
        DataStream<InfluxPoint> carbonPoints = emissions.getSideOutput(SourceWindows.CARBON)
                .map(new CarbonPoints()).name("carbon-points").uid("carbon-points");
        SingleOutputStreamOperator<TotalRecord> totals = emissions
                .flatMap(new Contributions(registry)).name("contributions").uid("contributions")
                .keyBy(Contribution::scopeKey)
                .process(new Rollup()).name("rollups").uid("rollups");
        DataStream<InfluxPoint> totalPoints = totals.map(new TotalPoints()).name("total-points").uid("total-points");
        // year-to-date KPIs need each stack's days (what its data covers), not the scope's totals
        DataStream<InfluxPoint> kpiPoints = emissions
                .flatMap(new SourceDays(registry)).name("source-days").uid("source-days")
                .keyBy(SourceDay::scopeKey)
                .process(new YearToDateKpi(registry)).name("year-to-date-kpis").uid("year-to-date-kpis")
                .map(new KpiPoints()).name("kpi-points").uid("kpi-points");
        SingleOutputStreamOperator<EfficiencyRecord> efficiencies = emissions
                .flatMap(new DeviceSides(registry)).name("device-sides").uid("device-sides")
                .union(facilityStatuses.flatMap(new DeviceStatuses(registry)).name("device-statuses").uid("device-statuses"),
                        measurements.flatMap(new DevicePowers(registry, config.facilityPower.noPowerBelow)).name("device-powers").uid("device-powers"))
                .keyBy(DeviceSide::deviceKey)
                .process(new DeviceEfficiency(registry, zone, windows.allowedLatenessMs())).name("device-efficiency").uid("device-efficiency");
        DataStream<InfluxPoint> efficiencyPoints = efficiencies.map(new EfficiencyPoints()).name("efficiency-points").uid("efficiency-points");
        // daily weighted KPIs: efficiency gains weighted by the mass each device treats, coal rates by energy
        DataStream<InfluxPoint> gainPoints = efficiencies
                .flatMap(new EfficiencyGains(registry, zone)).name("efficiency-gains").uid("efficiency-gains")
                .union(emissions.getSideOutput(SourceWindows.CARBON)
                        .flatMap(new CoalRates(registry, zone)).name("coal-rates").uid("coal-rates"))
                .keyBy(WeightedValue::kpiKey)
                .process(new WeightedDailyKpi()).name("weighted-daily-kpis").uid("weighted-daily-kpis")
                .map(new KpiPoints()).name("weighted-kpi-points").uid("weighted-kpi-points");
        // the alerts on readings need their flags only: slimmed in each reader's own chain, before the network
        DataStream<SourceReading> readingFlags = decoded.map(NoDataAlerts::withoutValues).returns(SerializerTypeInfo.SOURCE_READING)
                .name("reading-flags").uid("reading-flags")
                .union(joinedSplits.map(NoDataAlerts::withoutValues).returns(SerializerTypeInfo.SOURCE_READING)
                        .name("split-reading-flags").uid("split-reading-flags"));
        DataStream<DeadLetter> decodeDeadLetters = decoded.getSideOutput(DecodePayloads.DEAD_LETTERS)
                .union(joinedSplits.getSideOutput(DecodePayloads.DEAD_LETTERS));
        // a clock far ahead shows as readings refused for it: they tell the clock-skew alert as much as readings do
        DataStream<SourceReading> clockSamples = readingFlags.union(decodeDeadLetters
                .filter(ClockSkewAlerts::isFutureTime).name("future-times").uid("future-times")
                .map(ClockSkewAlerts::fromFutureTime).returns(SerializerTypeInfo.SOURCE_READING).name("future-time-samples").uid("future-time-samples"));
        DataStream<AlertEvent> alerts = alerts(registry, config, zone, readingFlags, clockSamples, emissions, efficiencies, measurements);

        DataStream<DeadLetter> deadLetters = decodeDeadLetters.union(emissions.getSideOutput(DecodePayloads.DEAD_LETTERS));

        // accounting events are counted in quality but are not dead letters: no input was refused
        DataStream<InfluxPoint> qualityPoints = deadLetters.union(emissions.getSideOutput(SourceWindows.QUALITY))
                .keyBy(new QualityKey())
                .process(new QualityCounter()).name("quality-counts").uid("quality-counts")
                .map(new QualityPoints()).name("quality-points").uid("quality-points");

        DataStream<InfluxPoint> alertPoints = alerts.map(new AlertPoints()).name("alert-points").uid("alert-points");
        splitReadingPoints.union(emissionPoints, carbonPoints, totalPoints, kpiPoints, qualityPoints, efficiencyPoints, gainPoints, alertPoints,
                        stationPoints, duty(registry, config, zone, alerts, emissions))
                .sinkTo(pointSinks.get()).name("influxdb").uid("influxdb");
        deadLetters.map(new CountDeadLetters()).name("dead-letter-counts").uid("dead-letter-counts")
                .sinkTo(KafkaSink.<DeadLetter>builder()
                        .setKafkaProducerConfig(KafkaClients.properties(config.kafka))
                        .setRecordSerializer(new DeadLetterSerializer(config.kafka.deadletterTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("deadletter-kafka").uid("deadletter-kafka");
        alerts.sinkTo(KafkaSink.<AlertEvent>builder()
                        .setKafkaProducerConfig(KafkaClients.properties(config.kafka))
                        .setRecordSerializer(new AlertKafkaSerializer(config.alerts.kafkaTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("alerts-kafka").uid("alerts-kafka");
        if (config.alerts.mqttEnabled) {
            MqttSinkOptions mqtt = new MqttSinkOptions(config.mqtt.brokerUris, config.mqtt.clientIdPrefix + "-alerts",
                    config.mqtt.username, config.mqtt.passwordEnv, 1, Duration.ofSeconds(30), SecuredClients.mqtt(config.mqtt));
            alerts.sinkTo(new MqttSink<>(mqtt, new AlertMqttMessages(config.alerts.mqttTopic))).name("alerts-mqtt").uid("alerts-mqtt");
        }
        AlertNotifier.attach(alerts, config, registry, zone);
    }

    /**
     * The alert engine: exceedances from hourly emissions (keyed by source and pollutant),
     * efficiency drops from minute efficiencies (keyed by device), no data, instrument state and
     * clock skew from readings (keyed by MN), treatment facilities without power from HJ 212-2025
     * electricity (keyed by source).
     */
    private static DataStream<AlertEvent> alerts(Registry registry, JobConfig config, String zone, DataStream<SourceReading> readingFlags,
            DataStream<SourceReading> clockSamples, DataStream<EmissionRecord> emissions, DataStream<EfficiencyRecord> efficiencies,
            DataStream<StationMeasurement> measurements) {
        AlertSettings settings = AlertSettings.of(config.alerts, stopThresholds(config), zone);
        DataStream<AlertEvent> exceedances = emissions
                .filter(ExceedanceAlerts::isInput).name("hourly-limits").uid("hourly-limits")
                .keyBy(ExceedanceAlerts::key)
                .process(new ExceedanceAlerts(registry, settings)).name("exceedance-alerts").uid("exceedance-alerts");
        DataStream<AlertEvent> drops = efficiencies
                .filter(EfficiencyDropAlerts::isInput).name("minute-efficiencies").uid("minute-efficiencies")
                .keyBy(EfficiencyDropAlerts::key)
                .process(new EfficiencyDropAlerts(registry, settings)).name("efficiency-drop-alerts").uid("efficiency-drop-alerts");
        DataStream<AlertEvent> silences = readingFlags
                .keyBy(r -> r.mn)
                .process(new NoDataAlerts(registry, settings)).name("no-data-alerts").uid("no-data-alerts");
        DataStream<AlertEvent> instruments = readingFlags
                .keyBy(r -> r.mn)
                .process(new InstrumentAlerts(registry, settings)).name("instrument-alerts").uid("instrument-alerts");
        DataStream<AlertEvent> clockSkews = clockSamples
                .keyBy(r -> r.mn)
                .process(new ClockSkewAlerts(registry, settings)).name("clock-skew-alerts").uid("clock-skew-alerts");
        DataStream<AlertEvent> noPower = measurements
                .filter(TreatmentPowerAlerts::isInput).name("facility-powers").uid("facility-powers")
                .keyBy(new TreatmentPowerAlerts.SourceKey(registry))
                .connect(emissions.filter(TreatmentPowerAlerts::isInput).name("minute-flows").uid("minute-flows").keyBy(TreatmentPowerAlerts::key))
                .process(new TreatmentPowerAlerts(registry, settings, config.facilityPower.noPowerBelow, config.stopDetection.flowBelowM3H))
                .name("treatment-power-alerts").uid("treatment-power-alerts");
        return exceedances.union(drops, silences, instruments, clockSkews, noPower);
    }

    /**
     * What the duty officer works with (docs/duty.md): the open incidents, re-written every
     * {@code incidents.snapshot_interval}, and the transmission and validity rates of every
     * registry source, enterprise and the city per hour and day.
     */
    private static DataStream<InfluxPoint> duty(Registry registry, JobConfig config, String zone, DataStream<AlertEvent> alerts,
            DataStream<EmissionRecord> emissions) {
        DataStream<InfluxPoint> incidents = alerts
                .keyBy(OpenIncidents.ONE_KEY)
                .process(new OpenIncidents(registry, Durations.parse(config.incidents.snapshotInterval).toMillis()))
                .name("open-incidents").uid("open-incidents");
        long latenessMs = Durations.parse(config.allowedLateness).toMillis();
        DataStream<InfluxPoint> rates = emissions
                .filter(SourceRecordCounts::isInput).name("record-windows").uid("record-windows")
                .keyBy(SourceRecordCounts::key)
                .process(new SourceRecordCounts(zone, latenessMs)).name("source-record-counts").uid("source-record-counts")
                .keyBy(DataRates.ONE_KEY)
                .process(new DataRates(registry, zone, latenessMs)).name("data-rates").uid("data-rates")
                .map(new DataRatePoints()).name("data-rate-points").uid("data-rate-points");
        return incidents.union(rates);
    }

    /** The config's checkpoint interval, else the cluster's, else {@link #DEFAULT_CHECKPOINT_INTERVAL}. */
    static Duration checkpointInterval(JobConfig config, ReadableConfig cluster) {
        if (config.checkpoint.interval != null) {
            return Durations.parse(config.checkpoint.interval);
        }
        return cluster.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).orElse(DEFAULT_CHECKPOINT_INTERVAL);
    }

    static WindowSettings windowSettings(JobConfig config, String zone) {
        return new WindowSettings(Durations.parse(config.maxOutOfOrderness).toMillis(), Durations.parse(config.allowedLateness).toMillis(),
                Durations.parse(config.idleTimeout).toMillis(), zone, config.minSamplesPerMinute);
    }

    static AccountingSettings accountingSettings(JobConfig config) {
        JobConfig.Accounting a = config.accounting;
        return new AccountingSettings(Set.copyOf(a.substitutedPollutants), a.alphaBelow75, a.scaleByRunningTime,
                Durations.parse(a.maxGap).toHours(), a.loggerTotalTolerancePct,
                stopThresholds(config));
    }

    static StopThresholds stopThresholds(JobConfig config) {
        return new StopThresholds(config.stopDetection.flowBelowM3H, config.stopDetection.loadBelowMw);
    }

    private static DataStream<RawMessage> rawMessages(StreamExecutionEnvironment env, JobConfig config) {
        DataStream<RawMessage> raw = null;
        if (config.kafka.enabled) {
            KafkaSource<RawMessage> kafka = KafkaSource.<RawMessage>builder()
                    .setProperties(KafkaClients.properties(config.kafka))
                    .setTopics(config.kafka.readingsTopic)
                    .setGroupId(config.kafka.groupId)
                    .setStartingOffsets(OffsetsInitializer.committedOffsets(
                            "latest".equals(config.kafka.startingOffsets) ? OffsetResetStrategy.LATEST : OffsetResetStrategy.EARLIEST))
                    .setDeserializer(new KafkaRawMessages())
                    .build();
            raw = env.fromSource(kafka, WatermarkStrategy.noWatermarks(), "kafka-readings").uid("kafka-readings");
        }
        if (config.mqtt.enabled) {
            DataStream<RawMessage> mqtt = env.fromSource(MqttRawMessages.source(config.mqtt), WatermarkStrategy.noWatermarks(), "mqtt-readings")
                    .uid("mqtt-readings");
            raw = raw == null ? mqtt : raw.union(mqtt);
        }
        return raw;
    }
}
