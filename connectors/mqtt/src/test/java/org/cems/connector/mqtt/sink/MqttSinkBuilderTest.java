package org.cems.connector.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSinkBuilderTest {
    /** Every element to one topic. */
    static final class OneTopic implements MqttMessageBuilder<String> {
        @Override
        public String topic(String element) {
            return "alerts";
        }

        @Override
        public byte[] payload(String element) {
            return element.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static MqttSinkBuilder<String> valid() {
        return MqttSink.<String>builder()
                .setBrokerUris("tcp://broker:1883", "tcp://standby:1883")
                .setClientIdPrefix("cems-alerts")
                .setMessageBuilder(new OneTopic());
    }

    @Test
    void defaultsAreAtLeastOnceWithAHalfMinuteAckTimeout() {
        MqttSinkOptions options = valid().build().options();
        assertThat(options.qos()).isEqualTo(1);
        assertThat(options.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.brokerUris()).containsExactly("tcp://broker:1883", "tcp://standby:1883");
        assertThat(options.username()).isNull();
        assertThat(options.tls()).isNull();
    }

    @Test
    void takesTheBrokersAsAList() {
        MqttSinkOptions options = valid().setBrokerUris(List.of("ssl://mqtt:8883"))
                .setQos(0)
                .build()
                .options();
        assertThat(options.brokerUris()).containsExactly("ssl://mqtt:8883");
        assertThat(options.qos()).isZero();
    }

    @Test
    void optionsNameThePasswordVariableNeverAPassword() {
        MqttSinkOptions options =
                valid().setCredentials("flink", "MQTT_PASSWORD").build().options();
        assertThat(options.toString()).contains("username=flink", "passwordEnv=MQTT_PASSWORD");
    }

    @Test
    void refusesWhatItCannotPublishWithAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> valid().setBrokerUris(List.of()).build())
                .hasMessage("MqttSink needs at least one broker URI (setBrokerUris)");
        assertThatThrownBy(() -> valid().setBrokerUris("tcp://broker:1883", " ").build())
                .hasMessageContaining("not blank");
        assertThatThrownBy(() -> valid().setClientIdPrefix(null).build())
                .hasMessage("MqttSink needs a client id prefix (setClientIdPrefix)");
        assertThatThrownBy(() -> valid().setQos(2).build())
                .hasMessage("MqttSink needs QoS 0 or 1 (QoS 2 is not supported), got 2");
        assertThatThrownBy(() -> valid().setAckTimeout(Duration.ZERO).build())
                .hasMessageContaining("positive ack timeout");
        assertThatThrownBy(() -> valid().setCredentials(null, "MQTT_PASSWORD").build())
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> valid().setMessageBuilder(null).build())
                .hasMessage("MqttSink needs a message builder (setMessageBuilder)");
    }
}
