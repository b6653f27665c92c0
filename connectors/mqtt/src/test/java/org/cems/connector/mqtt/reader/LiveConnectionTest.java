package org.cems.connector.mqtt.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveConnectionTest {

    @Test
    void admitsUpToTheReceiveMaximumThenWaitsForAllAcksBeforeResync() {
        LiveConnection connection = new LiveConnection(null, 2);
        assertThat(connection.admit()).isTrue();
        assertThat(connection.admit()).isTrue();
        assertThat(connection.needsResync()).isFalse();

        assertThat(connection.admit()).as("broker sent past the window").isFalse();
        assertThat(connection.admit())
                .as("once overshot, nothing more is admitted")
                .isFalse();
        connection.acked();
        assertThat(connection.needsResync()).isFalse();
        connection.acked();
        assertThat(connection.needsResync()).isTrue();
    }

    @Test
    void aMessageThatCouldNotBeQueuedAlsoNeedsTheResync() {
        LiveConnection connection = new LiveConnection(null, 10);
        assertThat(connection.admit()).isTrue();
        connection.reject();
        assertThat(connection.needsResync()).isTrue();
    }
}
