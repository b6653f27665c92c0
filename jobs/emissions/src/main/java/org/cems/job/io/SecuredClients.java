package org.cems.job.io;

import java.time.Duration;

import org.cems.connector.mqtt.MqttTlsOptions;
import org.cems.core.security.KafkaLogin;
import org.cems.job.config.JobConfig;

/** The job's {@code mqtt.tls} as its MQTT clients take it, and the Kafka login check (Kafka properties: {@link KafkaClients}). */
public final class SecuredClients {
    /** Long enough for a TLS handshake and a SCRAM exchange with a loaded broker. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);

    private SecuredClients() {}

    /** TLS for the MQTT source and alert sink; null when {@code mqtt.tls} is not set. */
    public static MqttTlsOptions mqtt(JobConfig.Mqtt mqtt) {
        if (!mqtt.tls.isSet()) {
            return null;
        }
        MqttTlsOptions tls = MqttTlsOptions.trustStore(mqtt.tls.trustFile(), mqtt.tls.trustType(), mqtt.tls.truststorePasswordEnv);
        return mqtt.tls.keystore == null ? tls : tls.withClientKeyStore(mqtt.tls.keystore, mqtt.tls.keystoreType, mqtt.tls.keystorePasswordEnv);
    }

    /**
     * Fails the job before it starts when Kafka refuses its login: inside the job a refused login
     * would restart it for ever.
     */
    public static void checkKafkaLogin(JobConfig.Kafka kafka) {
        KafkaLogin.require(kafka.bootstrapServers, kafka.security, LOGIN_TIMEOUT);
    }
}
