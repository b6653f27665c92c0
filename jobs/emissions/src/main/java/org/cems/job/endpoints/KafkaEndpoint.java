package org.cems.job.endpoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.cems.core.security.KafkaLogin;
import org.cems.job.config.JobConfig;
import org.cems.job.io.KafkaClients;

/**
 * The job's Kafka topics: the readings it consumes (when Kafka is an input), the dead letters and
 * alerts it produces. Reached with the job's own client settings ({@link KafkaClients}).
 */
final class KafkaEndpoint {
    private final JobConfig config;
    private final Duration timeout;

    KafkaEndpoint(JobConfig config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
    }

    /** Topic name to the operation the job needs on it, and the key that names it. */
    private Map<String, Need> needs() {
        Map<String, Need> needs = new LinkedHashMap<>();
        if (config.kafka.enabled) {
            needs.put(config.kafka.readingsTopic, new Need(AclOperation.READ, "kafka.readings_topic"));
        }
        needs.putIfAbsent(config.kafka.deadletterTopic, new Need(AclOperation.WRITE, "kafka.deadletter_topic"));
        needs.putIfAbsent(config.alerts.kafkaTopic, new Need(AclOperation.WRITE, "alerts.kafka_topic"));
        return needs;
    }

    private record Need(AclOperation operation, String key) {}

    /** The broker, then each topic; missing topics are created when {@code create} is true. */
    List<Check> check(boolean create) {
        List<Check> checks = new ArrayList<>();
        String servers = config.kafka.bootstrapServers;
        try (Admin admin = KafkaClients.admin(config.kafka, timeout)) {
            int brokers;
            try {
                brokers = admin.describeCluster()
                        .nodes()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .size();
            } catch (ExecutionException | TimeoutException e) {
                checks.add(Check.failed("kafka " + servers, unreachable(e)));
                return checks;
            }
            checks.add(Check.ok("kafka " + servers, "reachable, " + brokers + " broker(s)"));
            Map<String, Need> needs = needs();
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                            needs.keySet(), new DescribeTopicsOptions().includeAuthorizedOperations(true))
                    .topicNameValues();
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Need> topic : needs.entrySet()) {
                String subject = "kafka topic " + topic.getKey() + " ("
                        + topic.getValue().key() + ")";
                try {
                    TopicDescription d = described.get(topic.getKey()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    checks.add(allowed(subject, d, topic.getValue().operation()));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        missing.add(topic.getKey());
                    } else {
                        checks.add(Check.failed(subject, describe(e.getCause())));
                    }
                } catch (TimeoutException e) {
                    checks.add(Check.failed(subject, "no answer within " + timeout.toSeconds() + " s"));
                }
            }
            for (String topic : missing) {
                String subject =
                        "kafka topic " + topic + " (" + needs.get(topic).key() + ")";
                checks.add(
                        create
                                ? created(admin, subject, topic)
                                : Check.failed(
                                        subject,
                                        "missing; create it with `" + createCommand(topic)
                                                + "` or set create_missing: true"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(Check.failed("kafka " + servers, "interrupted"));
        }
        return checks;
    }

    private static Check allowed(String subject, TopicDescription d, AclOperation operation) {
        Set<AclOperation> operations = d.authorizedOperations();
        // without an authorizer on the brokers there is nothing to refuse: operations then are null or empty
        if (operations != null
                && !operations.isEmpty()
                && !operations.contains(operation)
                && !operations.contains(AclOperation.ALL)) {
            return Check.failed(
                    subject,
                    "present, but this client may not " + operation.name() + " it (ACLs allow " + operations + ")");
        }
        return Check.ok(subject, "present, " + d.partitions().size() + " partition(s)");
    }

    private Check created(Admin admin, String subject, String topic) throws InterruptedException {
        Integer replication = config.kafka.topicReplicationFactor;
        NewTopic newTopic = new NewTopic(
                topic,
                Optional.of(config.kafka.topicPartitions),
                Optional.ofNullable(replication == null ? null : replication.shortValue()));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                return Check.failed(
                        subject,
                        "missing, and creating it failed: " + describe(e.getCause()) + "; create it with `"
                                + createCommand(topic) + "`");
            }
        } catch (TimeoutException e) {
            return Check.failed(subject, "missing, and creating it got no answer within " + timeout.toSeconds() + " s");
        }
        if (!visible(admin, topic)) {
            return Check.failed(
                    subject, "created, but the brokers did not show it within " + timeout.toSeconds() + " s");
        }
        return Check.ok(
                subject,
                "created with " + config.kafka.topicPartitions + " partition(s)"
                        + (replication == null ? "" : ", replication factor " + replication) + " (create_missing)");
    }

    /**
     * Whether the new topic's metadata reached the brokers: the controller acknowledges a creation
     * before every broker knows the topic, and a source that started then would fail on it.
     */
    private boolean visible(Admin admin, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** The command an operator runs instead, with the partitions and replication the job would have used. */
    String createCommand(String topic) {
        Integer replication = config.kafka.topicReplicationFactor;
        return "kafka-topics.sh --bootstrap-server " + config.kafka.bootstrapServers + " --create --topic " + topic
                + " --partitions " + config.kafka.topicPartitions
                + (replication == null ? "" : " --replication-factor " + replication);
    }

    private String unreachable(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AuthenticationException refused) {
            return KafkaLogin.describe(config.kafka.bootstrapServers, config.kafka.security, refused);
        }
        if (cause instanceof AuthorizationException) {
            return "not authorized: " + cause.getMessage();
        }
        String reason =
                cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                        ? ""
                        : ": " + describe(cause);
        return "no broker answered within " + timeout.toSeconds()
                + " s (check kafka.bootstrap_servers and that Kafka runs)" + reason;
    }

    private static String describe(Throwable t) {
        if (t instanceof AuthorizationException) {
            return "not authorized (" + t.getMessage() + ")";
        }
        return String.valueOf(t.getMessage());
    }
}
