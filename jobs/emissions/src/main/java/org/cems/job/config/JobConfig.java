package org.cems.job.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cems.core.keys.Sm4KeySource;
import org.cems.core.security.KafkaSecurity;
import org.cems.core.security.MqttTls;
import org.cems.job.notify.NotifyConfig;

/**
 * The job's configuration file (YAML, snake_case keys). Secrets are never in it: it names the
 * environment variables that hold them ({@code password_env}, {@code token_env}).
 */
public class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Path of the source registry YAML (contract section 3), relative to the config file. */
    public String registry;
    /** Zone of HJ 212 local DataTimes and of day boundaries; unset: the registry's timezone. */
    public String timezone;
    /** Unset: the cluster's {@code parallelism.default} (on {@code bin/cems run}, the machine's cores). */
    public Integer parallelism;
    /** How far readings may arrive out of order before the watermark passes them. */
    public String maxOutOfOrderness = "30s";
    /** Readings later than the out-of-orderness but within this correct their closed windows. */
    public String allowedLateness = "2h";
    /** A source silent this long has its last minute closed and its open hour and day emitted. */
    public String idleTimeout = "1m";
    /** Valid real-time samples a minute needs to be valid (HJ 212 eq. 23 asks 12 at 5 s sampling). */
    public int minSamplesPerMinute = 1;

    public int maxPayloadBytes = 1 << 20;
    /**
     * At start, create the Kafka topics and the InfluxDB database the job needs when they are missing
     * (the demo does). Off by default: in production topics and databases are the operator's, with
     * their partitions, replication and retention, and a misspelt name must stop the job, not create
     * a topic nobody writes to. Off, the job stops at start naming what is missing.
     */
    public boolean createMissing;
    /**
     * A value flagged T (above the analyser's measuring upper limit, HJ 212-2017 Table 8):
     * {@code use_reported} (default: valid, the true value is at least the reported one) or {@code invalid}.
     */
    public String overRange = OVER_RANGE_USE_REPORTED;

    public Clock clock = new Clock();
    public Checkpoint checkpoint = new Checkpoint();
    public Kafka kafka = new Kafka();
    public Mqtt mqtt = new Mqtt();
    public Influx influxdb = new Influx();
    public Alerts alerts = new Alerts();
    /** Alert notifications to people (webhook, DingTalk, WeCom, e-mail): docs/notifications.md. */
    public NotifyConfig notify = new NotifyConfig();

    public StopDetection stopDetection = new StopDetection();
    public FacilityPower facilityPower = new FacilityPower();
    public Accounting accounting = new Accounting();
    public Sm4 sm4 = new Sm4();
    public Incidents incidents = new Incidents();

    /**
     * Where the SM4 keys of HJ 212-2025 loggers are, for encrypted frames arriving directly over
     * MQTT or Kafka (the TCP gateway publishes decrypted frames). Never the keys themselves.
     */
    public static class Sm4 implements Serializable {
        private static final long serialVersionUID = 1L;
        /** A key file of {@code MN=32-hex-digit-key} lines, relative to the config file. */
        public String keysFile;
        /** An environment variable holding such entries. */
        public String keysEnv;

        public Sm4KeySource keySource() {
            return new Sm4KeySource(keysFile, keysEnv);
        }
    }

    /** What corroborates that a source, not only its instrument (flag F), was stopped. */
    public static class StopDetection implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Standard-dry flow under this, m3/h, is no flow. */
        public double flowBelowM3H = 1000.0;
        /** Unit load under this, MW, is no load. */
        public double loadBelowMw = 1.0;
    }

    /** HJ 212-2025 electricity monitoring (ST=44): when a facility counts as drawing no power. */
    public static class FacilityPower implements Serializable {
        private static final long serialVersionUID = 1L;
        /**
         * A value under this, in the meter's own unit (kW or A as the station sends it), is no power.
         * Treatment facilities (FGD pumps, fans, ESP fields) draw hundreds of kW or A when running;
         * 1 is meter noise and standby, an engineering value, not a standard's.
         */
        public double noPowerBelow = 1.0;
    }

    /** The open-incident snapshot (docs/duty.md). */
    public static class Incidents implements Serializable {
        private static final long serialVersionUID = 1L;
        /** How often, in processing time, the whole set of open incidents is written again ({@code incident_open}). */
        public String snapshotInterval = "1m";
    }

    /** HJ 75-2017 data handling of invalid and missing hours for the accounted masses. */
    public static class Accounting implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Pollutants whose invalid and missing hours are substituted (the standard names SO2, NOx, PM). */
        public List<String> substitutedPollutants = new ArrayList<>(List.of("a21026", "a21002", "a34013"));
        /** Capture rate under 75 % (no rule in the standard): max_2160 (substitute the 2160-hour maximum) or none. */
        @JsonProperty("alpha_below_75")
        public String alphaBelow75 = "max_2160";
        /** A substituted hour that was partly stopped gets the maximum times its running share. */
        public boolean scaleByRunningTime = true;
        /** Missing hours of a longer silence are counted (gap_not_accounted), not emitted one by one. */
        public String maxGap = "31d";
        /** The job's and the logger's (Cou) totals may differ by this much, %, before logger_total_mismatch is counted. */
        public double loggerTotalTolerancePct = 5.0;
    }

    public static final String OVER_RANGE_USE_REPORTED = "use_reported";
    public static final String OVER_RANGE_INVALID = "invalid";

    /** Guards against data loggers' wrong clocks (DataTime against arrival time). */
    public static class Clock implements Serializable {
        private static final long serialVersionUID = 1L;
        /** A DataTime further ahead of the message's arrival than this is a dead letter (future_time). */
        public String maxAhead = "10m";
        /**
         * A source's DataTime that runs ahead of its newest reading by more than the arrival time
         * since then, plus this, is held as a possible clock jump.
         */
        public String jumpThreshold = "1h";
        /** Readings near a held jump that confirm it; as many near the old clock reject it (clock_jump). */
        public int jumpConfirmations = 3;
    }

    public static class Checkpoint implements Serializable {
        private static final long serialVersionUID = 1L;
        public static final String STATE_BACKEND_ROCKSDB = "rocksdb";
        public static final String STATE_BACKEND_HASHMAP = "hashmap";
        public static final String ALWAYS_ALIGNED = "off";
        /**
         * Unset: the cluster's {@code execution.checkpointing.interval}, else {@code EmissionsJob.DEFAULT_CHECKPOINT_INTERVAL}
         * (the job always checkpoints: MQTT messages are acknowledged and Kafka offsets committed on checkpoints).
         */
        public String interval;
        /** Checkpoint storage URI: file:///..., s3://..., hdfs://...; none keeps them in memory. */
        public String storage;
        /**
         * Where keyed state lives: {@code rocksdb} (on local disk, checkpoints that upload only the
         * files changed since the last one) or {@code hashmap} (on the heap, full checkpoints).
         */
        public String stateBackend = STATE_BACKEND_ROCKSDB;
        /** RocksDB only: incremental checkpoints. */
        public boolean incremental = true;
        /**
         * Flink's managed memory of the embedded cluster ({@code cems run}, the demo, the benchmark):
         * RocksDB's block cache and write buffers, shared by the operators of a slot. Flink's local
         * default (128 MB for every slot together) made RocksDB flush and compact without pause at
         * 100,000 sources. A cluster of one's own sets {@code taskmanager.memory.managed.size} instead.
         */
        public String stateMemory = "512m";
        /**
         * Flink's network memory of the embedded cluster: the buffers records travel in between
         * operators. Flink's local default (64 MB) is a third less than this job's operators ask for
         * at parallelism 2, so Flink shrinks every operator's pool; at 100,000 sources with InfluxDB
         * the job then stood still inside a checkpoint (docs/benchmark.md). A cluster of one's
         * own sets {@code taskmanager.memory.network.min} and {@code .max} instead.
         */
        public String networkMemory = "256m";
        /**
         * A checkpoint whose barriers wait longer than this to align goes unaligned (the in-flight
         * records are stored with it): under backpressure, at 100,000 sources, aligned checkpoints
         * did not complete within a minute. {@code off}: always aligned.
         */
        public String unalignedAfter = "2s";
    }

    public static class Kafka implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;
        public String bootstrapServers = "localhost:9092";
        public String readingsTopic = "cems.readings";
        public String deadletterTopic = "cems.deadletter";
        public String groupId = "cems-emissions";
        /** earliest or latest: where a new consumer group starts. */
        public String startingOffsets = "earliest";
        /** Partitions of the topics {@code create_missing} creates: 6 divides among 1, 2, 3 or 6 readers. */
        public int topicPartitions = 6;
        /** Replication of the topics {@code create_missing} creates; unset: the broker's default.replication.factor. */
        public Integer topicReplicationFactor;
        /** SASL and TLS for every Kafka client of the job (docs/security.md). */
        public KafkaSecurity security = new KafkaSecurity();
    }

    public static class Mqtt implements Serializable {
        private static final long serialVersionUID = 1L;
        public boolean enabled = true;
        public List<String> brokerUris = new ArrayList<>(List.of("tcp://localhost:1883"));
        public List<String> topicFilters = new ArrayList<>(List.of("cems/+/up"));
        public int qos = 1;
        public String clientIdPrefix = "cems-emissions";
        public String sharedGroup = "cems";
        public String username;
        public String passwordEnv;
        /** For ssl:// broker URIs: the broker's CA and, if it requires one, a client certificate (docs/security.md). */
        public MqttTls tls = new MqttTls();
    }

    public static class Influx implements Serializable {
        private static final long serialVersionUID = 1L;
        public String url = "http://localhost:8086";
        /** v1 (/write?db=) or v2 (/api/v2/write?org=&bucket=). */
        public String api = "v1";

        public String database = "cems";
        public String retentionPolicy;
        public String org;
        public String bucket;
        public String username;
        public String passwordEnv;
        public String tokenEnv;
        public int batchPoints = 5000;
        /** Longest a point waits for its batch: at low rates this is most of the end-to-end latency. */
        public String flushInterval = "200ms";
    }

    /** The alert engine: where alerts go and how long conditions must last before they fire or resolve. */
    public static class Alerts implements Serializable {
        private static final long serialVersionUID = 1L;
        /** zh (default) or en: the language of alert messages. */
        public String language = "zh";

        public String kafkaTopic = "cems.alerts";
        /** Alerts are also published to the brokers of {@code mqtt.broker_uris} when true. */
        public boolean mqttEnabled = true;
        /** {enterprise} and {source} are replaced by the alert's. */
        public String mqttTopic = "cems/alerts/{enterprise}/{source}";

        public Exceedance exceedance = new Exceedance();
        public EfficiencyDrop efficiencyDrop = new EfficiencyDrop();
        public NoData noData = new NoData();
        public Instrument instrument = new Instrument();
        public ClockSkew clockSkew = new ClockSkew();
        public TreatmentNoPower treatmentNoPower = new TreatmentNoPower();
    }

    public static class TreatmentNoPower implements Serializable {
        private static final long serialVersionUID = 1L;
        /** How long (event time) a treatment facility may draw no power while production runs before the alert fires. */
        public String sustain = "15m";
        /** How long it must draw power again (or production be stopped) before the alert resolves. */
        public String hold = "5m";
    }

    public static class ClockSkew implements Serializable {
        private static final long serialVersionUID = 1L;
        /** How far a DataTime may be from its arrival (ahead; behind: beyond the CN's period) and count as on time. */
        public String tolerance = "5m";
        /** How long (processing time) every reading of a point must be off before the alert fires, and on time before it resolves. */
        public String sustain = "30m";
    }

    public static class Exceedance implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Valid hours within the limit (as a duration, whole hours) before an exceedance resolves. */
        public String hold = "1h";
    }

    public static class EfficiencyDrop implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Minutes of low efficiency (as a duration) before the alert fires. */
        public String sustain = "15m";
        /** Minutes of normal efficiency (as a duration) before it resolves. */
        public String hold = "15m";
        /** Percentage points under the baseline that count as a drop, where the device sets none. */
        public double maxDropPctPoints = 5.0;
    }

    public static class NoData implements Serializable {
        private static final long serialVersionUID = 1L;
        /** A running point silent this long (processing time) fires. */
        public String silentFor = "10m";
    }

    public static class Instrument implements Serializable {
        private static final long serialVersionUID = 1L;
        /** How long each flag may last before it fires (event time). */
        public String fault = "10m";

        public String calibration = "60m";
        public String maintenance = "240m";
        /** Flag T (over range) allowed this long; 0s: the first over-range value fires. */
        public String overRange = "0s";
        /** Flag F without a corroborated source stop (flow, load, stop schedule) allowed this long. */
        public String stopped = "10m";
        /** How long flags must be back to normal before the alert resolves. */
        public String hold = "10m";
    }
}
