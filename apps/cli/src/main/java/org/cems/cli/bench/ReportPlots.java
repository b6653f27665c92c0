package org.cems.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.cli.bench.Results.SinkRun;
import org.cems.cli.bench.Results.SourceRun;

/** The report's plots: records/s against S for each job and sink, and the latency CDFs. */
final class ReportPlots {
    private ReportPlots() {}

    static void write(Results results, Path out) throws Exception {
        List<SourceRun> done = results.runs.stream().filter(r -> r.data != null).toList();
        Plot t = new Plot("Throughput against number of sources", "sources S (log scale)", "records/s", true);
        add(t, "plain consumer", done, r -> r.consumerRate);
        add(t, "InfluxDB alone", done, SourceRun::influxAloneRate);
        for (SinkKind sink : SinkKind.values()) {
            String suffix = sink == SinkKind.DISCARD ? ", discard" : "";
            add(t, "full job" + suffix, done, r -> sinkRate(r, sink, s -> s.job.rate()));
            add(
                    t,
                    "SQL + readings" + suffix,
                    done,
                    r -> sinkRate(r, sink, s -> s.sqlWithReadings.throughput().rate()));
        }
        t.save(out.resolve("throughput.png"));
        Plot c = new Plot("Latency CDF: published -> visible in InfluxDB", "latency (ms)", "fraction of probes", false)
                .yMax(1.0);
        for (SourceRun r : done) {
            SinkRun s = r.bySink.get(SinkKind.INFLUXDB);
            if (s == null) {
                continue;
            }
            for (LatencyPhase.Latency l : s.latencies.values()) {
                int n = l.sortedMillis().length;
                double[] lx = new double[n];
                double[] ly = new double[n];
                for (int i = 0; i < n; i++) {
                    lx[i] = l.sortedMillis()[i];
                    ly[i] = (i + 1) / (double) n;
                }
                c.add(String.format("S=%,d, %,d/s", r.sources, l.rate()), lx, ly);
            }
        }
        c.save(out.resolve("latency-cdf.png"));
    }

    private static double sinkRate(SourceRun r, SinkKind sink, ToDoubleFunction<SinkRun> f) {
        SinkRun s = r.bySink.get(sink);
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }

    /** One line of the runs where the figure exists; none when it exists nowhere. */
    private static void add(Plot p, String name, List<SourceRun> runs, ToDoubleFunction<SourceRun> y) {
        List<SourceRun> with =
                runs.stream().filter(r -> !Double.isNaN(y.applyAsDouble(r))).toList();
        if (!with.isEmpty()) {
            p.add(
                    name,
                    with.stream().mapToDouble(r -> r.sources).toArray(),
                    with.stream().mapToDouble(y).toArray());
        }
    }
}
