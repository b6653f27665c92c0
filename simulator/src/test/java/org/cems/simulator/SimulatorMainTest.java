package org.cems.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void printsPayloadsAndEndsWithZeroWhenTheCountIsReached() {
        int exit = SimulatorMain.run(new String[] {
            "--stdout",
            "--format",
            "mixed",
            "--count",
            "2",
            "--speed",
            "max",
            "--registry",
            RegistryFileTest.DEMO_REGISTRY.toString()
        });

        assertThat(exit).isZero();
    }

    @Test
    void badArgumentsEndWithTwo() {
        assertThat(SimulatorMain.run(new String[] {"--stdout", "--speed", "fast"}))
                .isEqualTo(SimulatorMain.EXIT_USAGE);
        assertThat(SimulatorMain.run(new String[] {"--stdout", "--registry", "no-such-file.yaml"}))
                .isEqualTo(SimulatorMain.EXIT_USAGE);
    }

    @Test
    void anUnreachableBrokerEndsWithOne() {
        // port 1 on loopback: nothing listens there
        assertThat(SimulatorMain.run(new String[] {
                    "--mqtt",
                    "tcp://127.0.0.1:1",
                    "--count",
                    "1",
                    "--registry",
                    RegistryFileTest.DEMO_REGISTRY.toString()
                }))
                .isEqualTo(SimulatorMain.EXIT_FAILED);
    }
}
