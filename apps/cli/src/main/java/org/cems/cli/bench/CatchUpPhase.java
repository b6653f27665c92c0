package org.cems.cli.bench;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cems.cli.bench.BenchOptions.SinkKind;

/**
 * Phase "catch-up after a one-hour outage": while the job is stopped, one hour of backlog of S
 * sources lands in Kafka; then the sources go on sending live (each every interval, spread over
 * it) and the job starts. Measured: the time until the job has read the backlog and until it is
 * live (what it has read is within two seconds of live records of the topic's end).
 */
final class CatchUpPhase {
    /**
     * @param backlog records of the hour of outage
     * @param liveRate live records/s while it catches up
     * @param backlogSeconds from submission until the backlog was read (NaN: not within the cap)
     * @param liveSeconds from submission until live (NaN: not within the cap)
     * @param recordsRead what it read until live (or the cap)
     */
    record Result(
            int sources,
            int intervalSeconds,
            SinkKind sink,
            long backlog,
            double liveRate,
            double backlogSeconds,
            double liveSeconds,
            long recordsRead,
            int capSeconds,
            Restarts restarts) {
        /** Records/s while catching up, from submission until live (start-up included). */
        double rate() {
            return Double.isNaN(liveSeconds) ? recordsRead / (double) capSeconds : recordsRead / liveSeconds;
        }

        /** Minutes to catch up per hour of outage: the backlog is one hour. */
        double minutesPerHourOfOutage() {
            return liveSeconds / 60;
        }
    }

    private CatchUpPhase() {}

    static Result run(Rig rig, int sources, int intervalSeconds, SinkKind sink, Duration cap) throws Exception {
        String label = "catchup-" + sources + "-" + sink.label();
        String topic = "bench." + label;
        String database = label.replace('-', '_');
        Preload.Loaded backlog = Preload.run(rig, topic, sources, intervalSeconds, Preload.endNow(Instant.now()));
        double liveRate = (double) sources / intervalSeconds;
        Live live = new Live(rig, backlog);
        Thread sender = new Thread(live, "bench-live-sources");
        sender.setDaemon(true);
        sender.start();
        rig.say(String.format(
                "the sources go on live at %,.1f records/s; starting the job after an outage of one hour", liveRate));
        double backlogSeconds = Double.NaN;
        double liveSeconds = Double.NaN;
        long read = 0;
        // live when what the job has read is within two seconds of live records of the end (metrics refresh every
        // second)
        long liveLag = Math.max(1, Math.round(2 * liveRate));
        Restarts restarts;
        try (RunningJob job = FullJob.start(rig, label, backlog.registryFile(), topic, sink, database);
                KafkaConsumer<byte[], byte[]> offsets = rig.consumer()) {
            long lastSay = System.nanoTime();
            while (job.secondsSinceSubmission() < cap.toSeconds()) {
                long end = rig.endOffsets(offsets, topic);
                long now = job.recordsRead();
                read = Math.max(read, now);
                if (Double.isNaN(backlogSeconds) && read >= backlog.messages()) {
                    backlogSeconds = job.secondsSinceSubmission();
                    rig.say(String.format(
                            "backlog of %,d records read after %.1f s", backlog.messages(), backlogSeconds));
                }
                if (!Double.isNaN(backlogSeconds) && end - now <= liveLag) {
                    liveSeconds = job.secondsSinceSubmission();
                    rig.say(String.format(
                            "live after %.1f s: read %,d of %,d records in the topic", liveSeconds, now, end));
                    break;
                }
                if (System.nanoTime() - lastSay > 5_000_000_000L) {
                    lastSay = System.nanoTime();
                    rig.say(String.format(
                            "  catch-up: read %,d, topic end %,d (lag %,d) after %.0f s",
                            read, end, end - read, job.secondsSinceSubmission()));
                }
                Thread.sleep(250);
            }
            restarts = job.restarts();
        } finally {
            live.stop();
            sender.join(5000);
            rig.dropDatabase(database);
        }
        Result r = new Result(
                sources,
                intervalSeconds,
                sink,
                backlog.messages(),
                liveRate,
                backlogSeconds,
                liveSeconds,
                read,
                (int) cap.toSeconds(),
                restarts);
        rig.say(String.format(
                "catch-up: %s; %,.0f records/s; restarts %s",
                Double.isNaN(liveSeconds)
                        ? "not live within the cap of " + cap.toSeconds() + " s"
                        : String.format(
                                "live after %.1f s, %.1f minutes per hour of outage",
                                liveSeconds, r.minutesPerHourOfOutage()),
                r.rate(),
                restarts.show()));
        return r;
    }

    /**
     * The sources after the outage: record n is source n mod S at the (n div S)-th interval after
     * the backlog's end, offset within the interval by its index so the load is even; each is sent
     * when the wall clock reaches its event time.
     */
    private static final class Live implements Runnable {
        private final Rig rig;
        private final Preload.Loaded data;
        private volatile boolean running = true;

        Live(Rig rig, Preload.Loaded data) {
            this.rig = rig;
            this.data = data;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            int s = data.sources();
            long intervalMillis = data.intervalSeconds() * 1000L;
            long n = 0;
            try (KafkaProducer<String, byte[]> producer = rig.producer(5)) {
                while (running) {
                    long now = System.currentTimeMillis();
                    while (true) {
                        int i = (int) (n % s);
                        long time = data.endMillis() + (n / s) * intervalMillis + i * intervalMillis / s;
                        if (time > now) {
                            break;
                        }
                        producer.send(new ProducerRecord<>(
                                data.topic(),
                                null,
                                time,
                                data.payloads().mn(i),
                                data.payloads().payload(i, time)));
                        n++;
                    }
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
