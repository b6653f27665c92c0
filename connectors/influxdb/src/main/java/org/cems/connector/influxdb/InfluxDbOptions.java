package org.cems.connector.influxdb;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.cems.connector.base.RetryPolicy;

/**
 * Where and how the sink writes. Built with {@link #builder()} or read from a Flink configuration
 * with {@link #fromConfig(ReadableConfig)}; the {@link ConfigOption} keys below are also the names
 * that error messages tell you to fix.
 *
 * <p>Secrets never live here: the password and token options hold the NAME of an environment
 * variable, read on the task manager when the writer starts.
 */
@PublicEvolving
public final class InfluxDbOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final ConfigOption<String> URL = ConfigOptions.key("influxdb.url")
            .stringType()
            .noDefaultValue()
            .withDescription("Base URL of the server, e.g. http://influxdb:8086.");
    public static final ConfigOption<InfluxDbApi> API = ConfigOptions.key("influxdb.api")
            .enumType(InfluxDbApi.class)
            .defaultValue(InfluxDbApi.V1)
            .withDescription("V1: /write?db=&rp=; V2: /api/v2/write?org=&bucket=.");
    public static final ConfigOption<String> DATABASE = ConfigOptions.key("influxdb.database")
            .stringType()
            .noDefaultValue()
            .withDescription("Database to write to (V1).");
    public static final ConfigOption<String> RETENTION_POLICY = ConfigOptions.key("influxdb.retention-policy")
            .stringType()
            .noDefaultValue()
            .withDescription("Retention policy (V1); the database's default if unset.");
    public static final ConfigOption<String> ORG =
            ConfigOptions.key("influxdb.org").stringType().noDefaultValue().withDescription("Organization (V2).");
    public static final ConfigOption<String> BUCKET =
            ConfigOptions.key("influxdb.bucket").stringType().noDefaultValue().withDescription("Bucket (V2).");
    public static final ConfigOption<WritePrecision> PRECISION = ConfigOptions.key("influxdb.precision")
            .enumType(WritePrecision.class)
            .defaultValue(WritePrecision.MILLISECONDS)
            .withDescription("Time unit of timestamps on the wire; always sent.");
    public static final ConfigOption<String> USERNAME = ConfigOptions.key("influxdb.username")
            .stringType()
            .noDefaultValue()
            .withDescription("User for basic auth; needs influxdb.password-env.");
    public static final ConfigOption<String> PASSWORD_ENV = ConfigOptions.key("influxdb.password-env")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the environment variable holding the password.");
    public static final ConfigOption<String> TOKEN_ENV = ConfigOptions.key("influxdb.token-env")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the environment variable holding the API token.");
    public static final ConfigOption<Boolean> GZIP = ConfigOptions.key("influxdb.gzip")
            .booleanType()
            .defaultValue(false)
            .withDescription("Compress request bodies with gzip.");
    public static final ConfigOption<Integer> BATCH_MAX_POINTS = ConfigOptions.key("influxdb.batch.max-points")
            .intType()
            .defaultValue(5000)
            .withDescription("Most points in one request.");
    public static final ConfigOption<Long> BATCH_MAX_BYTES = ConfigOptions.key("influxdb.batch.max-bytes")
            .longType()
            .defaultValue(4L << 20)
            .withDescription("Most bytes in one request body (before gzip).");
    public static final ConfigOption<Duration> BATCH_LINGER = ConfigOptions.key("influxdb.batch.linger")
            .durationType()
            .defaultValue(Duration.ofMillis(500))
            .withDescription("Longest time a point waits in the buffer for its batch to fill.");
    public static final ConfigOption<Integer> MAX_IN_FLIGHT_REQUESTS = ConfigOptions.key(
                    "influxdb.max-in-flight-requests")
            .intType()
            .defaultValue(1)
            .withDescription("Requests a writer may have open at once. 1 keeps writes in order, so a corrected"
                    + " point is never overtaken by a retried older version of it.");
    public static final ConfigOption<Integer> MAX_BUFFERED_POINTS = ConfigOptions.key("influxdb.max-buffered-points")
            .intType()
            .defaultValue(20000)
            .withDescription("Points a writer buffers before it backpressures; above influxdb.batch.max-points.");
    /**
     * 30 attempts, 100 ms doubling up to 10 s, at most 5 minutes of waiting in all; past that the job
     * fails and restarts from its checkpoint: points are never dropped for being late.
     */
    public static final RetryPolicy DEFAULT_RETRY =
            new RetryPolicy(30, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(5));

    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS =
            ConfigOptions.key("influxdb.retry.max-attempts").intType().defaultValue(DEFAULT_RETRY.maxAttempts());
    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF = ConfigOptions.key(
                    "influxdb.retry.initial-backoff")
            .durationType()
            .defaultValue(DEFAULT_RETRY.initialBackoff());
    public static final ConfigOption<Duration> RETRY_MAX_BACKOFF =
            ConfigOptions.key("influxdb.retry.max-backoff").durationType().defaultValue(DEFAULT_RETRY.maxBackoff());
    public static final ConfigOption<Duration> RETRY_MAX_TOTAL_BACKOFF = ConfigOptions.key(
                    "influxdb.retry.max-total-backoff")
            .durationType()
            .defaultValue(DEFAULT_RETRY.maxTotalBackoff());
    public static final ConfigOption<Duration> REQUEST_TIMEOUT = ConfigOptions.key("influxdb.request-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("Timeout of one HTTP request.");

    private final String url;
    private final InfluxDbApi api;
    private final String database;
    private final String retentionPolicy;
    private final String org;
    private final String bucket;
    private final WritePrecision precision;
    private final String username;
    private final String passwordEnv;
    private final String tokenEnv;
    private final boolean gzip;
    private final int batchMaxPoints;
    private final long batchMaxBytes;
    private final Duration batchLinger;
    private final int maxInFlightRequests;
    private final int maxBufferedPoints;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;

    private InfluxDbOptions(Builder b) {
        this.url = stripTrailingSlash(b.url);
        this.api = b.api;
        this.database = b.database;
        this.retentionPolicy = b.retentionPolicy;
        this.org = b.org;
        this.bucket = b.bucket;
        this.precision = b.precision;
        this.username = b.username;
        this.passwordEnv = b.passwordEnv;
        this.tokenEnv = b.tokenEnv;
        this.gzip = b.gzip;
        this.batchMaxPoints = b.batchMaxPoints;
        this.batchMaxBytes = b.batchMaxBytes;
        this.batchLinger = b.batchLinger;
        this.maxInFlightRequests = b.maxInFlightRequests;
        this.maxBufferedPoints = b.maxBufferedPoints;
        this.retryPolicy = b.retryPolicy;
        this.requestTimeout = b.requestTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads every {@code influxdb.*} key; unset keys take their defaults. */
    public static InfluxDbOptions fromConfig(ReadableConfig config) {
        return builder()
                .url(config.get(URL))
                .api(config.get(API))
                .database(config.get(DATABASE))
                .retentionPolicy(config.get(RETENTION_POLICY))
                .org(config.get(ORG))
                .bucket(config.get(BUCKET))
                .precision(config.get(PRECISION))
                .username(config.get(USERNAME))
                .passwordEnv(config.get(PASSWORD_ENV))
                .tokenEnv(config.get(TOKEN_ENV))
                .gzip(config.get(GZIP))
                .batchMaxPoints(config.get(BATCH_MAX_POINTS))
                .batchMaxBytes(config.get(BATCH_MAX_BYTES))
                .batchLinger(config.get(BATCH_LINGER))
                .maxInFlightRequests(config.get(MAX_IN_FLIGHT_REQUESTS))
                .maxBufferedPoints(config.get(MAX_BUFFERED_POINTS))
                .retryPolicy(new RetryPolicy(
                        config.get(RETRY_MAX_ATTEMPTS),
                        config.get(RETRY_INITIAL_BACKOFF),
                        config.get(RETRY_MAX_BACKOFF),
                        config.get(RETRY_MAX_TOTAL_BACKOFF)))
                .requestTimeout(config.get(REQUEST_TIMEOUT))
                .build();
    }

    public String url() {
        return url;
    }

    public InfluxDbApi api() {
        return api;
    }

    public String database() {
        return database;
    }

    public String retentionPolicy() {
        return retentionPolicy;
    }

    public String org() {
        return org;
    }

    public String bucket() {
        return bucket;
    }

    public WritePrecision precision() {
        return precision;
    }

    public String username() {
        return username;
    }

    public String passwordEnv() {
        return passwordEnv;
    }

    public String tokenEnv() {
        return tokenEnv;
    }

    public boolean gzip() {
        return gzip;
    }

    public int batchMaxPoints() {
        return batchMaxPoints;
    }

    public long batchMaxBytes() {
        return batchMaxBytes;
    }

    public Duration batchLinger() {
        return batchLinger;
    }

    public int maxInFlightRequests() {
        return maxInFlightRequests;
    }

    public int maxBufferedPoints() {
        return maxBufferedPoints;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Where the points go, for messages: never contains a secret, only env var names. */
    @Override
    public String toString() {
        String target = api == InfluxDbApi.V1
                ? "database=" + database + (retentionPolicy == null ? "" : ", rp=" + retentionPolicy)
                : "org=" + org + ", bucket=" + bucket;
        String auth = tokenEnv != null
                ? "token from $" + tokenEnv
                : username != null ? "user " + username + ", password from $" + passwordEnv : "none";
        return "InfluxDbOptions{" + url + " " + api + ", " + target + ", precision=" + precision + ", auth=" + auth
                + ", gzip=" + gzip + ", batch=" + batchMaxPoints + " points/" + batchMaxBytes + " bytes/" + batchLinger
                + ", inFlight=" + maxInFlightRequests + ", buffered=" + maxBufferedPoints + ", " + retryPolicy
                + ", requestTimeout=" + requestTimeout + "}";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Fluent setters named after the keys; {@link #build()} checks them and names the key at fault. */
    @PublicEvolving
    public static final class Builder {
        private String url;
        private InfluxDbApi api = API.defaultValue();
        private String database;
        private String retentionPolicy;
        private String org;
        private String bucket;
        private WritePrecision precision = PRECISION.defaultValue();
        private String username;
        private String passwordEnv;
        private String tokenEnv;
        private boolean gzip = GZIP.defaultValue();
        private int batchMaxPoints = BATCH_MAX_POINTS.defaultValue();
        private long batchMaxBytes = BATCH_MAX_BYTES.defaultValue();
        private Duration batchLinger = BATCH_LINGER.defaultValue();
        private int maxInFlightRequests = MAX_IN_FLIGHT_REQUESTS.defaultValue();
        private int maxBufferedPoints = MAX_BUFFERED_POINTS.defaultValue();
        private RetryPolicy retryPolicy = DEFAULT_RETRY;
        private Duration requestTimeout = REQUEST_TIMEOUT.defaultValue();

        private Builder() {}

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder api(InfluxDbApi api) {
            this.api = api;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder retentionPolicy(String retentionPolicy) {
            this.retentionPolicy = retentionPolicy;
            return this;
        }

        public Builder org(String org) {
            this.org = org;
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder precision(WritePrecision precision) {
            this.precision = precision;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The NAME of the environment variable holding the password, not the password. */
        public Builder passwordEnv(String passwordEnvVarName) {
            this.passwordEnv = passwordEnvVarName;
            return this;
        }

        /** The NAME of the environment variable holding the token, not the token. */
        public Builder tokenEnv(String tokenEnvVarName) {
            this.tokenEnv = tokenEnvVarName;
            return this;
        }

        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        public Builder batchMaxPoints(int batchMaxPoints) {
            this.batchMaxPoints = batchMaxPoints;
            return this;
        }

        public Builder batchMaxBytes(long batchMaxBytes) {
            this.batchMaxBytes = batchMaxBytes;
            return this;
        }

        public Builder batchLinger(Duration batchLinger) {
            this.batchLinger = batchLinger;
            return this;
        }

        public Builder maxInFlightRequests(int maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
            return this;
        }

        public Builder maxBufferedPoints(int maxBufferedPoints) {
            this.maxBufferedPoints = maxBufferedPoints;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public InfluxDbOptions build() {
            require(
                    url != null && (url.startsWith("http://") || url.startsWith("https://")),
                    URL,
                    "must be an http:// or https:// URL, was " + url);
            Objects.requireNonNull(api, API.key());
            if (api == InfluxDbApi.V1) {
                require(notBlank(database), DATABASE, "is required with " + API.key() + "=V1");
            } else {
                require(notBlank(bucket), BUCKET, "is required with " + API.key() + "=V2");
            }
            require(
                    !(tokenEnv != null && username != null),
                    TOKEN_ENV,
                    "and " + USERNAME.key() + " are both set: choose token or user/password");
            require(
                    (username == null) == (passwordEnv == null),
                    PASSWORD_ENV,
                    "and " + USERNAME.key() + " go together");
            require(batchMaxPoints > 0, BATCH_MAX_POINTS, "must be positive");
            require(batchMaxBytes >= 1024, BATCH_MAX_BYTES, "must be at least 1024");
            require(!batchLinger.isNegative() && !batchLinger.isZero(), BATCH_LINGER, "must be positive");
            require(maxInFlightRequests > 0, MAX_IN_FLIGHT_REQUESTS, "must be positive");
            require(
                    maxBufferedPoints > batchMaxPoints,
                    MAX_BUFFERED_POINTS,
                    "must be greater than " + BATCH_MAX_POINTS.key());
            require(!requestTimeout.isNegative() && !requestTimeout.isZero(), REQUEST_TIMEOUT, "must be positive");
            Objects.requireNonNull(precision, PRECISION.key());
            Objects.requireNonNull(retryPolicy, "retry policy");
            return new InfluxDbOptions(this);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }

        private static void require(boolean condition, ConfigOption<?> key, String problem) {
            if (!condition) {
                throw new IllegalArgumentException(key.key() + " " + problem);
            }
        }
    }
}
