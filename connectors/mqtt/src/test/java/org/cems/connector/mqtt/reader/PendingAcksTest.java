package org.cems.connector.mqtt.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingAcksTest {
    private final PendingAcks acks = new PendingAcks();

    @Test
    void acksWaitForTheirCheckpointAndComeOutInArrivalOrder() {
        acks.add(ack(1));
        acks.add(ack(2));
        acks.snapshot(10);
        acks.add(ack(3));
        assertThat(acks.size()).isEqualTo(3);

        assertThat(acks.complete(9)).isEmpty();
        assertThat(acks.complete(10)).extracting(PendingAck::packetId).containsExactly(1, 2);
        assertThat(acks.complete(10)).isEmpty();
        assertThat(acks.size()).isEqualTo(1);
    }

    @Test
    void anAbortedCheckpointsAcksGoOutWithTheNextCompletedOne() {
        acks.add(ack(1));
        acks.snapshot(1);
        acks.add(ack(2));
        acks.snapshot(2);
        acks.add(ack(3));
        acks.snapshot(3);
        assertThat(acks.complete(2)).extracting(PendingAck::packetId).containsExactly(1, 2);
        assertThat(acks.complete(3)).extracting(PendingAck::packetId).containsExactly(3);
        assertThat(acks.size()).isZero();
    }

    private static PendingAck ack(int packetId) {
        return new PendingAck(null, null, packetId, 1);
    }
}
