package org.cems.connector.mqtt.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HandoffQueueTest {
    private final HandoffQueue queue = new HandoffQueue();

    @Test
    void refusesBeyondCapacityWithoutBlocking() throws Exception {
        queue.addCapacity(2);
        assertThat(queue.offer(message(null, null, 1))).isTrue();
        assertThat(queue.offer(message(null, null, 2))).isTrue();
        assertThat(queue.offer(message(null, null, 3))).isFalse();
        assertThat(queue.poll().packetId()).isEqualTo(1);
        assertThat(queue.offer(message(null, null, 3))).isTrue();
    }

    @Test
    void availabilityFollowsContent() throws Exception {
        queue.addCapacity(1);
        CompletableFuture<Void> empty = queue.availability();
        assertThat(empty).isNotDone();
        queue.offer(message(null, null, 1));
        assertThat(empty).isDone();
        queue.poll();
        assertThat(queue.availability()).isNotDone();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void aFailureWakesTheReaderAndIsRethrown() {
        CompletableFuture<Void> empty = queue.availability();
        queue.fail(new IllegalStateException("subscription refused"));
        assertThat(empty).isDone();
        assertThatThrownBy(queue::poll).hasMessage("subscription refused");
    }

    @Test
    void removesOnlyQos1MessagesOfThatSubscribersEarlierConnections() throws Exception {
        queue.addCapacity(10);
        MqttSubscriber subscriber = null;
        LiveConnection old = new LiveConnection(null, 10);
        LiveConnection current = new LiveConnection(null, 10);
        queue.offer(message(old, subscriber, 1));
        queue.offer(message(current, subscriber, 2));
        queue.offer(new ReceivedMessage(subscriber, null, "t", new byte[0], 0, false, 3, 0));
        queue.removeRedelivered(subscriber, current);
        assertThat(queue.poll().packetId()).isEqualTo(2);
        assertThat(queue.poll().packetId()).isEqualTo(3);
        assertThat(queue.poll()).isNull();
    }

    private static ReceivedMessage message(LiveConnection on, MqttSubscriber subscriber, int packetId) {
        return new ReceivedMessage(subscriber, on, "t", new byte[0], 1, false, packetId, 0);
    }
}
