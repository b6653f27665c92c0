package org.cems.job;

import java.nio.file.Path;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
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
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.RawMessage;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.Durations;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DeadLetterSerializer;
import org.cems.job.decode.DecodePayloads;
import org.cems.job.emission.EmissionRecord;
import org.cems.job.emission.SourceWindows;
import org.cems.job.emission.WindowSettings;
import org.cems.job.io.InfluxSinks;
import org.cems.job.io.KafkaRawMessages;
import org.cems.job.io.MqttRawMessages;
import org.cems.job.points.CarbonPoints;
import org.cems.job.points.KpiPoints;
import org.cems.job.points.TotalPoints;
import org.cems.job.rollup.Contribution;
import org.cems.job.rollup.Contributions;
import org.cems.job.rollup.Rollup;
import org.cems.job.rollup.TotalRecord;
import org.cems.job.rollup.YearToDateKpi;
import org.cems.job.points.EmissionPoints;
import org.cems.job.points.QualityPoints;
import org.cems.job.points.ReadingPoints;
import org.cems.job.quality.QualityCounter;
import org.cems.job.quality.QualityKey;

/**
 * The emissions job: readings from Kafka and MQTT, decoded and normalised, to InfluxDB as
 * {@code reading}, {@code emission} and {@code quality} points; bad input to {@code cems.deadletter}.
 * Runs on any Flink 2.2 cluster ({@code flink run cems-emissions.jar --config FILE}) or embedded.
 */
public final class EmissionsJob {
    public static final String JOB_NAME = "cems-emissions";

    private EmissionsJob() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("config")) {
            System.err.println("usage: EmissionsJob --config FILE");
            System.exit(2);
        }
        JobConfig config = JobConfigLoader.load(Path.of(params.get("config")));
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
        return conf;
    }

    /** Adds the whole pipeline to {@code env}. */
    public static void build(StreamExecutionEnvironment env, JobConfig config) {
        Registry registry = RegistryLoader.load(Path.of(config.registry));
        String zone = config.timezone != null ? config.timezone : registry.timezone;
        env.setParallelism(config.parallelism);
        env.enableCheckpointing(Durations.parse(config.checkpoint.interval).toMillis());

        SingleOutputStreamOperator<SourceReading> readings = rawMessages(env, config)
                .process(new DecodePayloads(registry, zone, config.maxPayloadBytes))
                .name("decode-payloads").uid("decode-payloads");
        DataStream<InfluxPoint> readingPoints = readings.flatMap(new ReadingPoints()).name("reading-points").uid("reading-points");
        SingleOutputStreamOperator<EmissionRecord> emissions = readings
                .keyBy(r -> r.mn)
                .process(new SourceWindows(registry, windowSettings(config, zone)))
                .name("source-windows").uid("source-windows");
        DataStream<InfluxPoint> emissionPoints = emissions.map(new EmissionPoints()).name("emission-points").uid("emission-points");
        DataStream<InfluxPoint> carbonPoints = emissions.getSideOutput(SourceWindows.CARBON)
                .map(new CarbonPoints()).name("carbon-points").uid("carbon-points");
        SingleOutputStreamOperator<TotalRecord> totals = emissions
                .flatMap(new Contributions(registry)).name("contributions").uid("contributions")
                .keyBy(Contribution::scopeKey)
                .process(new Rollup()).name("rollups").uid("rollups");
        DataStream<InfluxPoint> totalPoints = totals.map(new TotalPoints()).name("total-points").uid("total-points");
        DataStream<InfluxPoint> kpiPoints = totals
                .filter(YearToDateKpi::isInput).name("daily-nox-vocs").uid("daily-nox-vocs")
                .keyBy(t -> t.scope + ":" + t.id)
                .process(new YearToDateKpi(registry)).name("ytd-kpis").uid("ytd-kpis")
                .map(new KpiPoints()).name("kpi-points").uid("kpi-points");
        DataStream<DeadLetter> deadLetters = readings.getSideOutput(DecodePayloads.DEAD_LETTERS)
                .union(emissions.getSideOutput(DecodePayloads.DEAD_LETTERS));

        DataStream<InfluxPoint> qualityPoints = deadLetters
                .keyBy(new QualityKey())
                .process(new QualityCounter()).name("quality-counts").uid("quality-counts")
                .map(new QualityPoints()).name("quality-points").uid("quality-points");

        readingPoints.union(emissionPoints, carbonPoints, totalPoints, kpiPoints, qualityPoints)
                .sinkTo(InfluxSinks.create(config.influxdb, config.kafka)).name("influxdb").uid("influxdb");
        deadLetters.sinkTo(KafkaSink.<DeadLetter>builder()
                        .setBootstrapServers(config.kafka.bootstrapServers)
                        .setRecordSerializer(new DeadLetterSerializer(config.kafka.deadletterTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .name("deadletter-kafka").uid("deadletter-kafka");
    }

    static WindowSettings windowSettings(JobConfig config, String zone) {
        return new WindowSettings(Durations.parse(config.maxOutOfOrderness).toMillis(), Durations.parse(config.allowedLateness).toMillis(),
                Durations.parse(config.idleTimeout).toMillis(), zone, config.minSamplesPerMinute);
    }

    private static DataStream<RawMessage> rawMessages(StreamExecutionEnvironment env, JobConfig config) {
        DataStream<RawMessage> raw = null;
        if (config.kafka.enabled) {
            KafkaSource<RawMessage> kafka = KafkaSource.<RawMessage>builder()
                    .setBootstrapServers(config.kafka.bootstrapServers)
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
