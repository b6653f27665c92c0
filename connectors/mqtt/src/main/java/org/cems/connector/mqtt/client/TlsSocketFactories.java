package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;
import org.cems.connector.mqtt.MqttTlsOptions;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

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
        KeyStore trustStore = load(tls.trustStorePath(), tls.trustStoreType(),
                EnvironmentSecrets.optional(tls.trustStorePasswordEnv(), "MQTT trust store password"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);

        KeyManager[] keyManagers = null;
        if (tls.hasClientKeyStore()) {
            char[] password = EnvironmentSecrets.require(tls.keyStorePasswordEnv(), "MQTT client key store password");
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls.keyStorePath(), tls.keyStoreType(), password), password);
            keyManagers = keys.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(String path, String type, char[] password) throws Exception {
        if (MqttTlsOptions.PEM.equals(type)) {
            return pemCertificates(path);
        }
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password);
        }
        return store;
    }

    private static KeyStore pemCertificates(String path) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        return store;
    }
}
