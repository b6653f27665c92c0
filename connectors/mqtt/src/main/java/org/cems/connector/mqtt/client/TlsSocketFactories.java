package org.cems.connector.mqtt.client;

import java.security.KeyStore;
import javax.net.ssl.SSLSocketFactory;
import org.apache.flink.annotation.Internal;
import org.cems.connector.base.TlsStores;
import org.cems.connector.mqtt.MqttTlsOptions;

/**
 * Builds the socket factory for {@code ssl://} brokers from trust and key store files; a trust
 * store of type PEM is a file of CA certificates, as Mosquitto's {@code cafile}.
 */
@Internal
public final class TlsSocketFactories {
    private TlsSocketFactories() {}

    public static SSLSocketFactory create(MqttTlsOptions tls) throws SourceConfigurationException {
        try {
            return createOrThrow(tls);
        } catch (SourceConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw new SourceConfigurationException("cannot set up TLS from " + tls, e);
        }
    }

    private static SSLSocketFactory createOrThrow(MqttTlsOptions tls) throws Exception {
        KeyStore trust = TlsStores.load(
                tls.trustStorePath(),
                tls.trustStoreType(),
                EnvironmentSecrets.optional(tls.trustStorePasswordEnv(), "MQTT trust store password"));
        if (!tls.hasClientKeyStore()) {
            return TlsStores.socketFactory(trust, null, null);
        }
        char[] password = EnvironmentSecrets.require(tls.keyStorePasswordEnv(), "MQTT client key store password");
        return TlsStores.socketFactory(
                trust, TlsStores.load(tls.keyStorePath(), tls.keyStoreType(), password), password);
    }
}
