package org.cems.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttSourceBuilderTest {

    private static MqttSourceBuilder<String> valid() {
        return MqttSource.<String>builder()
                .setBrokerUris("tcp://broker:1883")
                .setTopicFilters("plants/+/hj212", "plants/+/status")
                .setClientIdPrefix("cems")
                .setDeserializer(new StringDeserializer());
    }

    @Test
    void defaultsKeepAWideWindowAndAPersistentSession() {
        MqttSourceOptions options = valid().build().options();
        assertThat(options.qos()).isEqualTo(1);
        assertThat(options.receiveMaximum()).isEqualTo(65_535);
        assertThat(options.acceptWindow())
                .as("no overshoot allowance by default")
                .isEqualTo(65_535);
        assertThat(options.sessionExpiry().toHours()).isEqualTo(24);
        assertThat(options.protocolVersion()).isEqualTo(MqttProtocolVersion.V5);
        assertThat(options.clientId(3)).isEqualTo("cems-3");
        assertThat(options.subscriptionFilters()).containsExactly("plants/+/hj212", "plants/+/status");
    }

    @Test
    void sharedGroupPrefixesEveryFilter() {
        MqttSourceOptions options =
                valid().setSharedSubscriptionGroup("cems").build().options();
        assertThat(options.subscriptionFilters())
                .containsExactly("$share/cems/plants/+/hj212", "$share/cems/plants/+/status");
    }

    @Test
    void optionsNameThePasswordVariableNeverAPassword() {
        MqttSourceOptions options =
                valid().setCredentials("gateway", "MQTT_PASSWORD").build().options();
        assertThat(options.toString()).contains("passwordEnv=MQTT_PASSWORD");
    }

    @Test
    void refusesWhatWouldBreakTheGuarantees() {
        assertThatThrownBy(() -> valid().setQos(2).build()).hasMessageContaining("QoS 0 or 1");
        assertThatThrownBy(() -> valid().setClientIdPrefix(" ").build()).hasMessageContaining("client id prefix");
        assertThatThrownBy(() -> valid().setReceiveMaximum(0).build()).hasMessageContaining("receive maximum");
        assertThatThrownBy(() -> valid().setReceiveMaximum(65_536).build()).hasMessageContaining("receive maximum");
        assertThatThrownBy(() -> valid().setSharedSubscriptionGroup("a/b").build())
                .hasMessageContaining("shared");
        assertThatThrownBy(() -> valid().setOvershootAllowance(-1).build()).hasMessageContaining("overshoot");
        assertThatThrownBy(() -> valid().setCredentials(null, "X").build()).hasMessageContaining("user name");
        assertThatThrownBy(() -> valid().setDeserializer(null).build()).hasMessageContaining("deserializer");
    }
}
