package org.cems.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    /** Two listeners of one server (Kafka's broker and controller) must never get one port. */
    @Test
    void everyPortIsHandedOutOnce_belowTheEphemeralRange() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int port = FreePorts.next();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            assertThat(port).isBetween(10_000, FreePorts.ephemeralRangeStart() - 1);
        }
    }
}
