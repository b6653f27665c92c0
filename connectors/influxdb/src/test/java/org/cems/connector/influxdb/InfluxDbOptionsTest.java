package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class InfluxDbOptionsTest {

    @Test
    void readsEveryKeyFromAFlinkConfiguration() {
        InfluxDbOptions options = InfluxDbOptions.fromConfig(Configuration.fromMap(Map.ofEntries(
                Map.entry("influxdb.url", "https://influx.example:8086/"),
                Map.entry("influxdb.api", "V2"),
                Map.entry("influxdb.org", "cems"),
                Map.entry("influxdb.bucket", "emissions"),
                Map.entry("influxdb.precision", "SECONDS"),
                Map.entry("influxdb.token-env", "INFLUX_TOKEN"),
                Map.entry("influxdb.gzip", "true"),
                Map.entry("influxdb.batch.max-points", "2000"),
                Map.entry("influxdb.batch.max-bytes", "1048576"),
                Map.entry("influxdb.batch.linger", "250 ms"),
                Map.entry("influxdb.max-in-flight-requests", "2"),
                Map.entry("influxdb.max-buffered-points", "8000"),
                Map.entry("influxdb.retry.max-attempts", "7"),
                Map.entry("influxdb.retry.initial-backoff", "50 ms"),
                Map.entry("influxdb.retry.max-backoff", "5 s"),
                Map.entry("influxdb.retry.max-total-backoff", "1 min"),
                Map.entry("influxdb.request-timeout", "10 s"))));
        assertThat(options.url()).isEqualTo("https://influx.example:8086");
        assertThat(options.api()).isEqualTo(InfluxDbApi.V2);
        assertThat(options.bucket()).isEqualTo("emissions");
        assertThat(options.precision()).isEqualTo(WritePrecision.SECONDS);
        assertThat(options.tokenEnv()).isEqualTo("INFLUX_TOKEN");
        assertThat(options.gzip()).isTrue();
        assertThat(options.batchMaxPoints()).isEqualTo(2000);
        assertThat(options.batchLinger()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.maxInFlightRequests()).isEqualTo(2);
        assertThat(options.retryPolicy().maxAttempts()).isEqualTo(7);
        assertThat(options.retryPolicy().maxTotalBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void defaultsAreMillisecondsV1OneRequestInFlight() {
        InfluxDbOptions options =
                InfluxDbOptions.builder().url("http://h:8086").database("cems").build();
        assertThat(options.precision()).isEqualTo(WritePrecision.MILLISECONDS);
        assertThat(options.api()).isEqualTo(InfluxDbApi.V1);
        assertThat(options.maxInFlightRequests()).isEqualTo(1);
        assertThat(options.gzip()).isFalse();
    }

    @Test
    void namesTheKeyAtFault() {
        assertThatThrownBy(() -> InfluxDbOptions.builder().url("http://x").build())
                .hasMessageStartingWith("influxdb.database ");
        assertThatThrownBy(() -> InfluxDbOptions.builder()
                        .url("http://x")
                        .api(InfluxDbApi.V2)
                        .build())
                .hasMessageStartingWith("influxdb.bucket ");
        assertThatThrownBy(
                        () -> InfluxDbOptions.builder().url("x").database("d").build())
                .hasMessageStartingWith("influxdb.url ");
        assertThatThrownBy(() -> InfluxDbOptions.builder()
                        .url("http://x")
                        .database("d")
                        .username("u")
                        .build())
                .hasMessageStartingWith("influxdb.password-env ");
        assertThatThrownBy(() -> InfluxDbOptions.builder()
                        .url("http://x")
                        .database("d")
                        .batchMaxPoints(100)
                        .maxBufferedPoints(100)
                        .build())
                .hasMessageStartingWith("influxdb.max-buffered-points ");
    }
}
