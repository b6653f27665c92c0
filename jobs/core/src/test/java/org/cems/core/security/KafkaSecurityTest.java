package org.cems.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {
    private static final String PASSWORD_ENV = "CEMS_TEST_KAFKA_PASSWORD";

    @Test
    void plaintextNeedsNothing() {
        assertThat(new KafkaSecurity().clientProperties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void saslSslWithScramNamesThePasswordNeverHoldsIt(@TempDir Path dir) throws Exception {
        Path truststore = Files.writeString(dir.resolve("truststore.p12"), "x");
        KafkaSecurity s = scram();
        s.truststore = truststore.toString();
        Map<String, String> props = s.clientProperties();
        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"cems-job\" password=\"${cemsenv:" + PASSWORD_ENV + "}\";")
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry(
                        "config.providers.cemsenv.class",
                        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        assertThat(props.toString() + s).doesNotContain(System.getenv(PASSWORD_ENV));
        assertThat(s.toString())
                .isEqualTo("SASL_SSL SCRAM-SHA-512 user cems-job password from env " + PASSWORD_ENV + " truststore "
                        + truststore);
    }

    @Test
    void theKafkaClientResolvesTheReferenceAndItsConfigShowsItHidden() {
        Map<String, Object> props = new HashMap<>(scram().clientProperties());
        props.put("bootstrap.servers", "127.0.0.1:9093");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        ProducerConfig config = new ProducerConfig(props);
        Password jaas = config.getPassword("sasl.jaas.config");
        assertThat(jaas.value()).contains("password=\"" + System.getenv(PASSWORD_ENV) + "\"");
        assertThat(jaas).hasToString("[hidden]"); // what Kafka's "ProducerConfig values:" log line prints
    }

    @Test
    void aPasswordFileBecomesADirectoryReference(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kafka-password"), "s3cret");
        KafkaSecurity s = scram();
        s.passwordEnv = null;
        s.passwordFile = file.toString();
        assertThat(s.clientProperties().get("sasl.jaas.config"))
                .contains("password=\"${cemsdir:" + dir + ":kafka-password}\"");
        Files.writeString(file, "s3cret\n");
        assertThat(s.problems("kafka.security"))
                .containsExactly("kafka.security.password_file: " + file
                        + " ends with a newline; write it with printf '%s' ...");
    }

    @Test
    void everyMistakeNamesItsKey() {
        KafkaSecurity s = new KafkaSecurity();
        s.protocol = "SASL_SSL";
        s.saslMechanism = "SCRAM";
        s.passwordEnv = "CEMS_TEST_UNSET_VARIABLE";
        s.keystore = "/nonexistent/client.p12";
        assertThat(s.problems("kafka.security"))
                .containsExactly(
                        "kafka.security.sasl_mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, not \"SCRAM\"",
                        "kafka.security.username: required with SASL_SSL",
                        "kafka.security.password_env: environment variable CEMS_TEST_UNSET_VARIABLE is not set",
                        "kafka.security.keystore: cannot read /nonexistent/client.p12",
                        "kafka.security.keystore_password_env or kafka.security.keystore_password_file: required with a PKCS12 key store");
        s.protocol = "SASL";
        assertThatThrownBy(s::clientProperties)
                .hasMessage("kafka.security.protocol: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, not \"SASL\"");
        KafkaSecurity plain = new KafkaSecurity();
        plain.username = "someone";
        assertThat(plain.problems("kafka.security"))
                .containsExactly(
                        "kafka.security.sasl_mechanism, username and password_*: need protocol SASL_PLAINTEXT or SASL_SSL, not PLAINTEXT");
    }

    @Test
    void anHj212PasswordComesFromTheRegistryAVariableOrAFile(@TempDir Path dir) throws Exception {
        org.cems.core.registry.Source s = new org.cems.core.registry.Source();
        s.id = "u1-stack";
        s.mn = "MN1";
        assertThat(s.hj212Password()).isEmpty();
        s.passwordEnv = "CEMS_TEST_HJ212_PW";
        assertThat(s.hj212Password()).contains(System.getenv("CEMS_TEST_HJ212_PW"));
        s.passwordEnv = null;
        s.passwordFile = Files.writeString(dir.resolve("pw"), "654321").toString();
        assertThat(s.hj212Password()).contains("654321");
        s.passwordFile = dir.resolve("missing").toString();
        assertThatThrownBy(s::hj212Password)
                .hasMessage("source u1-stack (MN MN1): password_file: cannot read " + dir.resolve("missing"));
    }

    private static KafkaSecurity scram() {
        KafkaSecurity s = new KafkaSecurity();
        s.protocol = "SASL_SSL";
        s.saslMechanism = "SCRAM-SHA-512";
        s.username = "cems-job";
        s.passwordEnv = PASSWORD_ENV;
        return s;
    }
}
