package org.cems.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryException;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.time.Durations;

/** {@code bin/cems simulate ...}: runs the simulator in the foreground with a progress line every 5 s. */
public final class SimulatorMain {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private SimulatorMain() {}

    public static void main(String[] args) {
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs until done and returns the exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(SimulatorOptions.usage());
            return 0;
        }
        SimulatorOptions options;
        Registry registry;
        try {
            options = SimulatorOptions.parse(args);
            registry = RegistryLoader.load(options.registry());
        } catch (IllegalArgumentException | RegistryException e) {
            System.err.println("cems simulate: " + e.getMessage());
            System.err.println("(cems simulate --help lists the options)");
            return EXIT_USAGE;
        }
        // with --stdout the payloads own standard output, so progress goes to standard error
        PrintStream progress = options.stdout() ? System.err : System.out;
        try (Simulator simulator = new Simulator(options, registry)) {
            progress.println("[simulate] " + simulator.model().points().size() + " monitoring points from "
                    + options.registry()
                    + ", " + options.format().name().toLowerCase(java.util.Locale.ROOT) + " payloads, a reading every "
                    + Durations.format(options.interval()) + " of event time at speed " + speedText(options.speed())
                    + (options.backfill().isZero()
                            ? ""
                            : ", after a backfill of " + Durations.format(options.backfill())));
            simulator.describeRoutes(progress);
            Thread shutdownHook = new Thread(simulator::close, "cems-simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            ProgressLine line = new ProgressLine(simulator, ZoneId.of(registry.timezone), progress);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cems-simulator-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(
                    line::print, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            try {
                simulator.run();
            } finally {
                ticker.shutdownNow();
            }
            line.print();
            removeHook(shutdownHook);
            return simulator.stats().errors() == 0 ? 0 : EXIT_FAILED;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("cems simulate: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static String speedText(double speed) {
        if (Double.isInfinite(speed)) {
            return "max";
        }
        return speed == Math.rint(speed) ? String.valueOf((long) speed) + "x" : speed + "x";
    }

    /** Once the run is over the hook is not needed; during JVM shutdown it cannot be removed. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it closes the simulator itself
        }
    }
}
