package org.cems.cli.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.cli.bench.BenchOptions.SinkKind;

/** Everything one bench run measured, filled in phase by phase and read by {@link Report}. */
final class Results {
    DecodeCeiling.Result decode;
    final List<SourceRun> runs = new ArrayList<>();
    final List<CatchUpPhase.Result> catchUps = new ArrayList<>();

    /** What was measured for one S. */
    static final class SourceRun {
        final int sources;
        Preload.Loaded data;
        double consumerRate = Double.NaN;
        /** Null with no InfluxDB sink in the plan. */
        InfluxCeiling.Result influxAlone;

        final Map<SinkKind, SinkRun> bySink = new EnumMap<>(SinkKind.class);

        SourceRun(int sources) {
            this.sources = sources;
        }

        double influxAloneRate() {
            return influxAlone == null ? Double.NaN : influxAlone.recordsPerSecond();
        }
    }

    /** What was measured for one S with one sink. */
    static final class SinkRun {
        final SinkKind sink;
        Throughput job = Throughput.NOT_RUN;
        Restarts jobRestarts = Restarts.UNKNOWN;
        SqlPhase.Result sql = SqlPhase.Result.NOT_RUN;
        SqlPhase.Result sqlWithReadings = SqlPhase.Result.NOT_RUN;
        /** Null when none completed (or the job did not run). */
        CheckpointPhase.Checkpoint checkpoint;
        /** InfluxDB after the full job's phase (InfluxDB sink only). */
        InfluxLoad influxLoad = InfluxLoad.NOT_MEASURED;

        long heapBaseline = -1;
        long heapWithJob = -1;
        final Map<Integer, LatencyPhase.Latency> latencies = new LinkedHashMap<>();
        /** Why latency was not measured, or null. */
        String latencySkipped;

        SinkRun(SinkKind sink) {
            this.sink = sink;
        }
    }
}
