package org.cems.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.connector.influxdb.LineProtocol;
import org.cems.connector.influxdb.WritePrecision;
import org.cems.core.normalize.Normalizer;
import org.cems.core.registry.Registry;
import org.cems.job.config.JobConfig;
import org.cems.job.points.ReadingPoints;
import org.cems.testkit.InfluxDbServer;

/**
 * The sink's ceiling: how fast InfluxDB, on the same cores, takes the {@code reading} points the
 * job writes for the same records (its own {@link ReadingPoints}), encoded beforehand and written by two
 * threads in batches as large as the job's. No job runs meanwhile.
 */
final class InfluxCeiling {
    private static final int THREADS = 2;
    /** Records whose reading points are written, at most. */
    static final int RECORDS = 100_000;

    private static final int BATCH_POINTS = new JobConfig().influxdb.batchPoints;

    record Result(double pointsPerSecond, double recordsPerSecond, double pointsPerRecord) {}

    private InfluxCeiling() {}

    static Result measure(Rig rig, String db, Preload.Loaded data) throws Exception {
        InfluxDbServer influx = rig.influx;
        Payloads payloads = data.payloads();
        Registry registry = data.registry();
        long startMillis = data.startMillis();
        int intervalSeconds = data.intervalSeconds();
        int records = (int) Math.min(data.messages(), RECORDS);
        int batchPoints = BATCH_POINTS;
        Consumer<String> say = rig::say;
        List<byte[]> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        long points = 0;
        Normalizer normalizer = new Normalizer();
        ReadingPoints readingPoints = new ReadingPoints();
        List<InfluxPoint> buffer = new ArrayList<>();
        ListCollector<InfluxPoint> collect = new ListCollector<>(buffer);
        for (int k = 0; k < records; k++) {
            int i = k % payloads.size();
            long time = startMillis + (long) (k / payloads.size()) * intervalSeconds * 1000L;
            buffer.clear();
            readingPoints.flatMap(
                    normalizer.normalize(payloads.reading(i, time), registry.byMn(payloads.mn(i))), collect);
            for (InfluxPoint p : buffer) {
                batch.append(LineProtocol.encode(p, WritePrecision.MILLISECONDS))
                        .append('\n');
                points++;
                if (++inBatch == batchPoints) {
                    batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) {
            batches.add(batch.toString().getBytes(StandardCharsets.UTF_8));
        }
        influx.createDatabase(db);
        say.accept(String.format(
                "InfluxDB alone: writing %,d reading points of %,d records (%d threads, %,d per request)",
                points, records, THREADS, batchPoints));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(influx.url() + "/write?db=" + db + "&precision=ms");
        AtomicInteger next = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        Exception[] failure = new Exception[1];
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread w = new Thread(
                    () -> {
                        try {
                            for (int b; (b = next.getAndIncrement()) < batches.size(); ) {
                                HttpResponse<String> r = http.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(60))
                                                .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(b)))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 204) {
                                    throw new IllegalStateException(
                                            "InfluxDB answered " + r.statusCode() + ": " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            failure[0] = e;
                        }
                    },
                    "influx-ceiling-" + t);
            w.start();
            writers.add(w);
        }
        for (Thread w : writers) {
            w.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Result r = new Result(points / seconds, records / seconds, (double) points / records);
        say.accept(String.format(
                "InfluxDB alone: %,.0f points/s = %,.0f records/s (%.2f points per record) in %.1f s",
                r.pointsPerSecond(), r.recordsPerSecond(), r.pointsPerRecord(), seconds));
        return r;
    }
}
