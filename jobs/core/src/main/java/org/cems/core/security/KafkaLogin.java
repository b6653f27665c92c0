package org.cems.core.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Tries a login to Kafka with the {@code kafka.security} settings before anything starts: a
 * refused password or an untrusted certificate is a configuration error, and Kafka clients would
 * otherwise retry it for ever (the job restarting, the gateway answering nobody).
 */
public final class KafkaLogin {
    private KafkaLogin() {}

    /**
     * One line saying why Kafka refused the login, naming the keys to check; empty when the login
     * worked or Kafka did not answer within {@code timeout} (an unreachable broker is not a
     * security problem: clients retry it).
     */
    public static Optional<String> refusal(String bootstrapServers, KafkaSecurity security, Duration timeout) {
        Map<String, Object> props = new java.util.HashMap<>(security.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "cems-login-check");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return e.getCause() instanceof AuthenticationException refused
                    ? Optional.of(describe(bootstrapServers, security, refused))
                    : Optional.empty();
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Nothing to check in plaintext, which has no login.
     *
     * @throws IllegalStateException with {@link #refusal}'s line when Kafka refuses the login
     */
    public static void require(String bootstrapServers, KafkaSecurity security, Duration timeout) {
        if ("PLAINTEXT".equals(security.protocol)) {
            return;
        }
        refusal(bootstrapServers, security, timeout).ifPresent(line -> {
            throw new IllegalStateException(line);
        });
    }

    /** The line for a login Kafka refused, naming the keys to check (also what `cems check` and the job's start print). */
    public static String describe(String bootstrapServers, KafkaSecurity security, AuthenticationException refused) {
        if (refused instanceof SaslAuthenticationException) {
            return "Kafka at " + bootstrapServers + " refused the " + security.saslMechanism + " login of user "
                    + security.username + " (" + refused.getMessage()
                    + "); check kafka.security.username and the password in " + security.password();
        }
        return "Kafka at " + bootstrapServers + ": the " + security.protocol + " handshake failed ("
                + rootMessage(refused)
                + "); check kafka.security.truststore (the brokers' CA) and kafka.security.keystore";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
