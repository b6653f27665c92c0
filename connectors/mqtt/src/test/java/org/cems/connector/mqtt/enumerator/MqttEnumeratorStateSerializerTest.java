package org.cems.connector.mqtt.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttEnumeratorStateSerializerTest {
    private final MqttEnumeratorStateSerializer serializer = new MqttEnumeratorStateSerializer();

    @Test
    void roundTrips() throws IOException {
        MqttEnumeratorState state = new MqttEnumeratorState(Set.of(0, 1, 5), Set.of(3));
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
                .isEqualTo(state);
        MqttEnumeratorState empty = MqttEnumeratorState.empty();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(empty)))
                .isEqualTo(empty);
    }

    @Test
    void refusesUnknownVersionAndTrailingBytes() throws IOException {
        byte[] bytes = serializer.serialize(MqttEnumeratorState.empty());
        assertThatThrownBy(() -> serializer.deserialize(9, bytes)).isInstanceOf(IOException.class);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serializer.deserialize(1, longer)).isInstanceOf(IOException.class);
    }
}
