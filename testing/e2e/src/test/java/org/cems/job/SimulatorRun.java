package org.cems.job;

import java.util.ArrayList;
import java.util.List;
import org.cems.job.config.JobConfig;
import org.cems.simulator.Simulator;
import org.cems.simulator.SimulatorOptions;

/** The plant simulator feeding the job under test, as the end-to-end tests run it. */
final class SimulatorRun {
    private SimulatorRun() {}

    /** Runs the simulator with {@code options} into the registry and Kafka of {@code config}; returns once it has sent everything. */
    static void toEnd(JobConfig config, String... options) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("--registry", config.registry, "--kafka", config.kafka.bootstrapServers));
        args.addAll(List.of(options));
        try (Simulator sim = new Simulator(SimulatorOptions.parse(args.toArray(new String[0])))) {
            sim.run();
        }
    }
}
