package org.cems.job.io;

import org.cems.connector.mqtt.MqttTlsOptions;
import org.cems.job.config.JobConfig;

/** The job's {@code mqtt.tls} as its MQTT clients take it (Kafka's security settings: {@link KafkaClients}). */
public final class SecuredClients {
    private SecuredClients() {}

    /** TLS for the MQTT source and alert sink; null when {@code mqtt.tls} is not set. */
    public static MqttTlsOptions mqtt(JobConfig.Mqtt mqtt) {
        if (!mqtt.tls.isSet()) {
            return null;
        }
        MqttTlsOptions tls =
                MqttTlsOptions.trustStore(mqtt.tls.trustFile(), mqtt.tls.trustType(), mqtt.tls.truststorePasswordEnv);
        return mqtt.tls.keystore == null
                ? tls
                : tls.withClientKeyStore(mqtt.tls.keystore, mqtt.tls.keystoreType, mqtt.tls.keystorePasswordEnv);
    }
}
