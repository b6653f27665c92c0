package org.cems.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cems.connector.mqtt.MqttTestJobs.await;
import static org.cems.connector.mqtt.MqttTestJobs.awaitReadersSubscribed;
import static org.cems.connector.mqtt.MqttTestJobs.cancel;
import static org.cems.connector.mqtt.MqttTestJobs.source;
import static org.cems.connector.mqtt.MqttTestJobs.start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.connector.mqtt.client.BrokerConnection;
import org.cems.connector.mqtt.client.BrokerConnections;
import org.cems.connector.mqtt.client.BrokerListener;
import org.cems.connector.mqtt.client.SourceConfigurationException;
import org.cems.testkit.FreePorts;
import org.cems.testkit.MosquittoPasswordFile;
import org.cems.testkit.MosquittoServer;
import org.cems.testkit.TempDirs;
import org.cems.testkit.TlsCertificates;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broker that requires a user name and password everywhere, with a TLS listener that also
 * requires a client certificate. Secrets come from environment variables set by surefire.
 */
class MqttSourceSecurityITCase {
    private static final String USER = "plant-gateway";
    private static final String PASSWORD_ENV = "CEMS_TEST_MQTT_PASSWORD";
    private static final String WRONG_PASSWORD_ENV = "CEMS_TEST_MQTT_WRONG_PASSWORD";
    private static final String STORE_PASSWORD_ENV = "CEMS_TEST_MQTT_STORE_PASSWORD";
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    private static Path dir;
    private static TlsCertificates certificates;
    private static MosquittoServer broker;
    private static String tlsUri;

    @BeforeAll
    static void startSecuredBroker() {
        dir = TempDirs.create("cems-mqtt-security-");
        certificates = TlsCertificates.generate(dir, System.getenv(STORE_PASSWORD_ENV));
        Path passwords = MosquittoPasswordFile.create(dir, USER, System.getenv(PASSWORD_ENV));
        int tlsPort = FreePorts.next();
        broker = MosquittoServer.builder()
                .configLine("allow_anonymous false")
                .configLine("password_file " + passwords)
                .configLine("listener " + tlsPort + " 127.0.0.1")
                .configLine("cafile " + certificates.caCertificate())
                .configLine("certfile " + certificates.serverCertificate())
                .configLine("keyfile " + certificates.serverKey())
                .configLine("require_certificate true")
                .build();
        tlsUri = "ssl://127.0.0.1:" + tlsPort;
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void readsOverTlsWithClientCertificateAndPassword() throws Exception {
        CollectingSink sink = CollectingSink.create("tls");
        MqttSource<String> secured = source(tlsUri, "plants/secure", "secure")
                .setCredentials(USER, PASSWORD_ENV)
                .setTls(tls())
                .build();
        assertThat(secured.options().toString()).doesNotContain(System.getenv(PASSWORD_ENV));
        JobClient job = start(secured, null, sink, 1, Duration.ofMillis(200));
        try (TestPublisher publisher = new TestPublisher(broker.uri(), publisherCredentials())) {
            awaitReadersSubscribed(publisher, "plants/secure", sink, 1);
            for (int i = 0; i < 200; i++) {
                publisher.publish("plants/secure", "m-" + i);
            }
            Set<String> published = publisher.accepted().stream()
                    .filter(id -> id.startsWith("m-"))
                    .collect(Collectors.toSet());
            await(
                    Duration.ofSeconds(60),
                    () -> sink.collected().containsAll(published),
                    () -> "received " + sink.collected().total);
        } finally {
            cancel(job);
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        MqttSourceOptions options = source(tlsUri, "plants/secure", "refused")
                .setCredentials(USER, WRONG_PASSWORD_ENV)
                .setTls(tls())
                .build()
                .options();
        BrokerConnection connection = BrokerConnections.create(options, "refused-0", new IgnoringListener());
        try {
            // Mosquitto answers a wrong password with 0x87 "not authorized" rather than 0x86: either is final,
            // a configuration error that fails the source once instead of a reconnect every 30 s
            assertThatThrownBy(connection::connect)
                    .isInstanceOf(SourceConfigurationException.class)
                    .hasMessageStartingWith("MQTT broker [" + tlsUri + "] refused the login of user " + USER)
                    .hasMessageContaining("environment variable " + WRONG_PASSWORD_ENV)
                    .hasMessageNotContaining(System.getenv(WRONG_PASSWORD_ENV))
                    .cause()
                    .isInstanceOfSatisfying(
                            MqttException.class,
                            e -> assertThat(e.getReasonCode()).isIn(BAD_USER_NAME_OR_PASSWORD, NOT_AUTHORIZED));
        } finally {
            connection.close();
        }
    }

    @Test
    void missingClientCertificateIsRefused() throws Exception {
        MqttSourceOptions options = source(tlsUri, "plants/secure", "no-cert")
                .setCredentials(USER, PASSWORD_ENV)
                .setTls(MqttTlsOptions.trustStore(certificates.trustStore().toString(), "PKCS12", STORE_PASSWORD_ENV))
                .build()
                .options();
        BrokerConnection connection = BrokerConnections.create(options, "no-cert-0", new IgnoringListener());
        try {
            assertThatThrownBy(connection::connect)
                    .isInstanceOf(MqttException.class)
                    .hasRootCauseMessage("Received fatal alert: certificate_required");
        } finally {
            connection.close();
        }
    }

    @Test
    void unsetPasswordVariableIsAConfigurationErrorNotARetry() throws Exception {
        MqttSourceOptions options = source(tlsUri, "plants/secure", "unset")
                .setCredentials(USER, "CEMS_TEST_MQTT_UNSET_PASSWORD")
                .build()
                .options();
        BrokerConnection connection = BrokerConnections.create(options, "unset-0", new IgnoringListener());
        try {
            assertThatThrownBy(connection::connect)
                    .isInstanceOf(SourceConfigurationException.class)
                    .hasMessageContaining("CEMS_TEST_MQTT_UNSET_PASSWORD");
        } finally {
            connection.close();
        }
    }

    private static MqttTlsOptions tls() {
        return MqttTlsOptions.trustStore(certificates.trustStore().toString(), "PKCS12", STORE_PASSWORD_ENV)
                .withClientKeyStore(certificates.clientKeyStore().toString(), "PKCS12", STORE_PASSWORD_ENV);
    }

    private static MqttConnectionOptions publisherCredentials() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(USER);
        options.setPassword(System.getenv(PASSWORD_ENV).getBytes(StandardCharsets.UTF_8));
        return options;
    }

    private static final class IgnoringListener implements BrokerListener {
        @Override
        public void messageArrived(
                BrokerConnection connection, String topic, byte[] payload, int qos, boolean retained, int packetId) {}

        @Override
        public void connectionLost(BrokerConnection connection, Throwable cause, boolean sessionTakenOver) {}
    }
}
