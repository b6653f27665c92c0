package org.cems.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.time.Durations;
import org.cems.job.config.JobConfig;
import org.cems.job.config.JobConfigLoader;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.io.InfluxSinks;
import org.cems.job.sink.JobSinks;
import org.cems.job.topology.JobContext;
import org.cems.job.topology.JobOutputs;
import org.cems.job.topology.JobTopology;

/**
 * The emissions job: readings from Kafka and MQTT, decoded and normalised, to InfluxDB as
 * {@code reading}, {@code emission}, {@code efficiency}, {@code kpi}, {@code alert}, {@code quality}, {@code facility},
 * {@code station_event}, {@code incident_open}, {@code incident_count}, {@code data_rate} and the HJ 212-2025 {@code facility_power}, {@code production_condition}, {@code voc_raw} and
 * {@code furnace_temperature} points;
 * alert events also to Kafka {@code cems.alerts} and MQTT; bad input to {@code cems.deadletter}.
 * Runs on any Flink 2.2 cluster ({@code flink run cems-emissions.jar --config FILE}) or embedded.
 *
 * <p>Its operators are {@link JobTopology}, which returns the job's {@link JobOutputs}; its
 * destinations are attached to those in {@link JobSinks}.
 */
public final class EmissionsJob {
    public static final String JOB_NAME = "cems-emissions";
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

    /**
     * RocksDB's SST files in ZSTD rather than Flink's default Snappy: the files are what an
     * incremental checkpoint uploads and keeps (issue 18, docs/benchmark.md). The heap backend
     * ignores it. A string option, so the job needs no compile-time RocksDB dependency.
     */
    static final ConfigOption<String> ROCKSDB_COMPRESSION = ConfigOptions.key(
                    "state.backend.rocksdb.compression.per.level")
            .stringType()
            .noDefaultValue();

    /** Flink settings that come from the job's own config file. */
    public static Configuration flinkConfiguration(JobConfig config) {
        Configuration conf = new Configuration();
        if (config.checkpoint.storage != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpoint.storage);
        }
        conf.set(StateBackendOptions.STATE_BACKEND, config.checkpoint.stateBackend);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, config.checkpoint.incremental);
        conf.set(ROCKSDB_COMPRESSION, "ZSTD_COMPRESSION");
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(config.checkpoint.stateMemory));
        MemorySize network = MemorySize.parse(config.checkpoint.networkMemory);
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
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
        JobContext job = JobContext.load(config);
        if (config.parallelism != null) {
            env.setParallelism(config.parallelism);
        }
        env.enableCheckpointing(
                checkpointInterval(config, env.getConfiguration()).toMillis());
        if (!JobConfig.Checkpoint.ALWAYS_ALIGNED.equals(config.checkpoint.unalignedAfter)) {
            env.getCheckpointConfig().enableUnalignedCheckpoints();
            env.getCheckpointConfig().setAlignedCheckpointTimeout(Durations.parse(config.checkpoint.unalignedAfter));
        }
        JobSinks.attach(JobTopology.build(env, job), job, pointSinks);
    }

    /** The config's checkpoint interval, else the cluster's, else {@link #DEFAULT_CHECKPOINT_INTERVAL}. */
    static Duration checkpointInterval(JobConfig config, ReadableConfig cluster) {
        if (config.checkpoint.interval != null) {
            return Durations.parse(config.checkpoint.interval);
        }
        return cluster.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).orElse(DEFAULT_CHECKPOINT_INTERVAL);
    }
}
