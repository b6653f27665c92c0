package org.cems.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void theDefaultIsTheWholeMatrixWithTheCatchUpAtTheLargestS() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.sources).containsExactly(1000, 10000, 100000);
        assertThat(o.sinks).containsExactly(SinkKind.INFLUXDB, SinkKind.DISCARD);
        assertThat(o.rates).containsExactly(1000, 10000);
        assertThat(o.catchUpSources()).isEqualTo(100000);
        assertThat(o.capSeconds).isEqualTo(300);
        assertThat(o.sql).isTrue();
        assertThat(o.warmUp).isTrue();
        assertThat(o.out).isNull();
        // the job's default (checkpoint.state_backend), for the full job and the SQL jobs alike
        assertThat(o.stateBackend).isEqualTo("rocksdb");
    }

    @Test
    void aQuickRunIsASubset() {
        BenchOptions o = BenchOptions.parse(
                "--sources",
                "1_000",
                "--sink",
                "discard",
                "--rate",
                "1000",
                "--out",
                "/tmp/b",
                "--no-sql",
                "--no-warm-up",
                "--cap",
                "60");
        assertThat(o.sources).containsExactly(1000);
        assertThat(o.sinks).containsExactly(SinkKind.DISCARD);
        assertThat(o.rates).containsExactly(1000);
        assertThat(o.out).isEqualTo(Path.of("/tmp/b"));
        assertThat(o.sql).isFalse();
        assertThat(o.warmUp).isFalse();
        assertThat(o.capSeconds).isEqualTo(60);
        // the catch-up follows the largest S asked for, unless told
        assertThat(o.catchUpSources()).isEqualTo(1000);
        assertThat(BenchOptions.parse("--sources", "1000", "--catch-up-sources", "0")
                        .catchUpSources())
                .isZero();
    }

    @Test
    void bothSinksInTheOrderGiven() {
        assertThat(BenchOptions.parse("--sink", "discard,influxdb").sinks)
                .isEqualTo(List.of(SinkKind.DISCARD, SinkKind.INFLUXDB));
    }

    @Test
    void theHeapBackendForEveryJob() {
        assertThat(BenchOptions.parse("--state-backend", "hashmap").stateBackend)
                .isEqualTo("hashmap");
    }

    @Test
    void theIntervalGrowsWithSToStayUnderTheMessageCap() {
        BenchOptions o = BenchOptions.parse();
        // 3600 s × S / 600,000 messages, at least 30 s: 1,000 → 30 s (120,000 readings), 10,000 → 60 s, 100,000 → 600 s
        assertThat(o.intervalSeconds(1000)).isEqualTo(30);
        assertThat(o.intervalSeconds(10000)).isEqualTo(60);
        assertThat(o.intervalSeconds(100000)).isEqualTo(600);
        assertThat(o.catchUpIntervalSeconds(100000)).isEqualTo(600);
        assertThat(BenchOptions.parse("--catch-up-interval", "60").catchUpIntervalSeconds(100000))
                .isEqualTo(60);
    }

    @Test
    void badInputIsRefusedWithItsReason() {
        assertThatThrownBy(() -> BenchOptions.parse("--sink", "kafka")).hasMessageContaining("kafka");
        assertThatThrownBy(() -> BenchOptions.parse("--sources", "ten"))
                .hasMessageContaining("--sources takes a number");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--sources", "1000,1000"))
                .hasMessageContaining("--sources names a value twice");
        assertThatThrownBy(() -> BenchOptions.parse("--cap")).hasMessageContaining("--cap");
        assertThatThrownBy(() -> BenchOptions.parse("--fast", "1")).hasMessageContaining("unknown option: --fast");
        assertThatThrownBy(() -> BenchOptions.parse("--state-backend", "memory"))
                .hasMessageContaining("rocksdb or hashmap, not memory");
    }

    @Test
    void benchAnswersBadOptionsWithItsUsageAndExitCode2() throws Exception {
        assertThat(Bench.run(new String[] {"--sink", "nowhere"})).isEqualTo(2);
        assertThat(Bench.USAGE)
                .startsWith("usage: cems bench")
                .contains("--sink")
                .contains("--catch-up-sources")
                .contains("--cap")
                .contains("--state-backend")
                .contains("every job once over 60,000 records first");
    }
}
