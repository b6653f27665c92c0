package org.cems.connector.base;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key and trust stores from files, and the TLS socket factory made of them: one place for every
 * client that talks TLS (MQTT source and sink, the simulator, {@code bin/cems check}). A store of
 * type {@value #PEM} is a file of CA certificates, as Mosquitto's {@code cafile}.
 */
public final class TlsStores {
    public static final String PEM = "PEM";

    private TlsStores() {}

    /** A store file of the given type (PKCS12, JKS or {@value #PEM}); a PEM file needs no password. */
    public static KeyStore load(String path, String type, char[] password) throws Exception {
        if (PEM.equals(type)) {
            return pemCertificates(path);
        }
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password);
        }
        return store;
    }

    /** TLS trusting {@code trust}, presenting the client certificate in {@code keys} when not null. */
    public static SSLSocketFactory socketFactory(KeyStore trust, KeyStore keys, char[] keyPassword)
            throws GeneralSecurityException {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManager[] keyManagers = null;
        if (keys != null) {
            KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyFactory.init(keys, keyPassword);
            keyManagers = keyFactory.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers.getTrustManagers(), null);
        return context.getSocketFactory();
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
