package org.cems.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.cems.hj212.CrcPolicy;

/**
 * {@code bin/cems gateway}: runs an {@link Hj212Gateway} until Ctrl-C, with a progress line every
 * 10 s. See {@link GatewayArgs#USAGE}. The launcher (apps/cli) passes the function that reads
 * {@code --registry FILE}: the registry's format belongs to the job, the gateway takes plain values.
 */
public final class GatewayMain {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private GatewayMain() {}

    /**
     * Runs until the JVM is asked to stop; returns the exit code (2 for a bad command line, 1 when it cannot start).
     *
     * @param readRegistry reads the {@code --registry} file; its exception message is shown as the reason the gateway did not start
     */
    public static int run(String[] args, Function<Path, RegisteredStations> readRegistry) throws InterruptedException {
        return run(args, readRegistry, System.out, System.err, new CountDownLatch(1), true);
    }

    /** Runs until {@code stop} opens (or Ctrl-C when {@code stopOnShutdown}). */
    static int run(
            String[] args,
            Function<Path, RegisteredStations> readRegistry,
            PrintStream out,
            PrintStream err,
            CountDownLatch stop,
            boolean stopOnShutdown)
            throws InterruptedException {
        GatewayArgs.Parsed parsed;
        try {
            parsed = GatewayArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cems gateway: " + e.getMessage());
            err.print(GatewayArgs.USAGE);
            return 2;
        }
        if (parsed.help()) {
            out.print(GatewayArgs.USAGE);
            return 0;
        }
        Hj212Gateway gateway;
        try {
            if (parsed.registry() != null) {
                RegisteredStations stations = readRegistry.apply(parsed.registry());
                parsed.builder().passwords(stations.passwordByMn()).registeredMns(stations.mns());
            }
            AtomicReference<GatewayStats> previous = new AtomicReference<>();
            gateway = parsed.builder()
                    .onStatus(
                            PROGRESS_EVERY,
                            stats -> out.println(
                                    stats.statusLine(previous.getAndSet(stats), PROGRESS_EVERY.toSeconds())))
                    .start();
        } catch (Exception e) {
            // a registry with problems lists them all; Kafka or the port name what failed
            err.println("cems gateway: " + e.getMessage());
            return 1;
        }
        GatewayOptions o = gateway.options();
        out.printf(
                "[gateway] listening on %s -> Kafka %s (%s), topic %s, dead letters %s | %d MNs with a password"
                        + " | %d SM4 keys%s | registrations %s | idle timeout %s | at most %,d connections"
                        + " | segments up to %,d bytes | CRC %s%n",
                gateway.localAddress(),
                o.kafkaBootstrap(),
                o.kafkaSecurity(),
                o.readingsTopic(),
                o.deadLetterTopic(),
                o.passwords().count(),
                o.sm4Keys().size(),
                o.sm4KeysFile() == null ? " (changes in memory)" : "",
                o.registrationsFile() == null ? "in the progress line only" : "to " + o.registrationsFile(),
                o.idleTimeout().toSeconds() + "s",
                o.maxConnections(),
                o.maxSegmentBytes(),
                o.crcPolicy() == CrcPolicy.STRICT ? "strict" : "lenient (MODBUS variants counted)");
        gateway.metricsAddress()
                .ifPresent(a -> out.printf(
                        "[gateway] metrics on http://%s:%d%s%n", a.getHostString(), a.getPort(), MetricsServer.PATH));
        Thread hook = new Thread(
                () -> {
                    gateway.close();
                    stop.countDown();
                },
                "cems-gateway-stop");
        if (stopOnShutdown) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        stop.await();
        gateway.close();
        out.println(gateway.stats().statusLine(null, 0));
        return 0;
    }
}
