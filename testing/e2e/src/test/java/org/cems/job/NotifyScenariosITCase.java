package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.job.config.JobConfig;
import org.cems.job.notify.NotifyConfig;
import org.cems.testkit.FreePorts;
import org.cems.testkit.notify.DingTalkReceiver;
import org.cems.testkit.notify.ReceivedRequest;
import org.cems.testkit.notify.SmtpServer;
import org.cems.testkit.notify.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator's incidents (an analyser fault at u1-fgd-in, an FGD pump trip at u2-fgd) reach
 * people: every incident on Kafka {@code cems.alerts} gives exactly one firing and one resolved
 * message at a signed webhook, a DingTalk robot that checks signatures and its 20-a-minute limit,
 * and an SMTP server with STARTTLS and AUTH. A dead webhook's messages are dead-lettered
 * ({@code notify_failed}) after the retry budget while the job keeps running.
 */
class NotifyScenariosITCase {
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    @RegisterExtension
    static final PipelineServers SERVERS = new PipelineServers();

    @Test
    void eachIncidentReachesEachTargetOnceFiringAndOnceResolved() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver();
                DingTalkReceiver dingTalk = new DingTalkReceiver(
                        "dingtalk-access-token", "SEC0123456789abcdef", 20, Duration.ofMinutes(1));
                SmtpServer smtp = new SmtpServer("alerts@cems.test", "smtp-pass-w0rd")) {
            JobConfig config = SERVERS.config("/registry-devices.yaml");
            config.alerts.mqttEnabled = false;
            config.notify = notifyConfig(webhook.uri(), dingTalk.uri(), smtp.port());
            JobClient job = SERVERS.startJob(config, "notify-scenarios");
            try {
                SimulatorRun.toEnd(
                        config,
                        "--speed",
                        "max",
                        "--interval",
                        "60s",
                        "--count",
                        "186",
                        "--start",
                        "2026-11-26T10:00:00+08:00",
                        "--scenario",
                        "fgd-pump-trip@20m:u2-fgd",
                        "--scenario",
                        "analyser-fault@30m:u1-fgd-in");
                // the incidents as the alert engine emitted them
                Map<String, List<String>> onKafka = SERVERS.await(() -> {
                    Map<String, List<String>> events = statesById(SERVERS.kafkaJson("cems.alerts"));
                    long resolved = events.values().stream()
                            .filter(s -> s.contains("resolved"))
                            .count();
                    return resolved >= 3 && resolved == events.size() ? events : null;
                });
                assertThat(onKafka.keySet())
                        .anyMatch(id -> id.startsWith("instrument_fault:power/u1-fgd-in:"))
                        .anyMatch(id -> id.startsWith("efficiency_drop:power/u2-fgd:"));
                onKafka.values().forEach(states -> assertThat(states).containsExactly("firing", "resolved"));
                int messages = 2 * onKafka.size();

                SERVERS.awaitAsserted(() -> assertThat(webhook.requests()).hasSize(messages));
                SERVERS.awaitAsserted(() -> assertThat(dingTalk.messages()).hasSize(messages));
                SERVERS.awaitAsserted(() -> assertThat(smtp.messages()).hasSize(messages));
                // dead letters for the dead webhook: one per message, after 3 attempts each
                SERVERS.awaitAsserted(() -> assertThat(notifyDeadLetters()).hasSize(messages));
                Thread.sleep(2000); // nothing more may come

                assertThat(statesById(bodies(webhook.requests()))).isEqualTo(onKafka);
                Map<String, List<String>> mails = new TreeMap<>();
                for (String raw : smtp.messages()) {
                    MimeMessage m = new MimeMessage(
                            Session.getInstance(new Properties()),
                            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
                    mails.computeIfAbsent(m.getHeader("X-CEMS-Alert-Id", null), k -> new ArrayList<>())
                            .add(m.getHeader("X-CEMS-Alert-State", null));
                    assertThat(m.getSubject()).contains("测试电厂");
                }
                assertThat(mails).isEqualTo(onKafka);
                assertThat(dingTalk.badSignatures()).isZero();
                assertThat(dingTalk.tooFastAnswers()).isZero();
                List<String> dingTalkTexts = new ArrayList<>();
                for (ReceivedRequest r : dingTalk.messages()) {
                    dingTalkTexts.add(
                            JSON.readTree(r.body()).at("/markdown/text").asText());
                }
                assertThat(dingTalkTexts)
                        .anyMatch(t -> t.contains("【仪器故障】测试电厂 u1-fgd-in") && t.contains("**告警中**"))
                        .anyMatch(t -> t.contains("【仪器恢复】测试电厂 u1-fgd-in") && t.contains("**已恢复**"));

                assertThat(notifyDeadLetters()).allSatisfy(d -> {
                    assertThat(d.get("origin").asText()).isEqualTo("notify:dead-hook");
                    assertThat(d.get("detail").asText())
                            .startsWith("target dead-hook, 3 attempt(s): retry budget spent: ConnectException");
                });
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static NotifyConfig notifyConfig(URI webhook, URI dingTalk, int smtpPort) {
        NotifyConfig n = new NotifyConfig();
        n.retry.maxAttempts = 3;
        n.retry.initialBackoff = "100ms";
        n.retry.maxBackoff = "200ms";
        n.requestTimeout = "5s";
        NotifyConfig.Target hook = new NotifyConfig.Target();
        hook.type = "webhook";
        hook.url = webhook.toString();
        hook.hmacKeyEnv = "CEMS_TEST_WEBHOOK_KEY";
        NotifyConfig.Target robot = new NotifyConfig.Target();
        robot.type = "dingtalk";
        robot.url = dingTalk.toString();
        robot.accessTokenEnv = "CEMS_TEST_DINGTALK_TOKEN";
        robot.secretEnv = "CEMS_TEST_DINGTALK_SECRET";
        NotifyConfig.Target mail = new NotifyConfig.Target();
        mail.type = "email";
        mail.host = "127.0.0.1";
        mail.port = smtpPort;
        mail.username = "alerts@cems.test";
        mail.passwordEnv = "CEMS_TEST_SMTP_PASSWORD";
        mail.from = "alerts@cems.test";
        mail.to = List.of("duty@ordos.test");
        mail.trustHosts = "127.0.0.1";
        NotifyConfig.Target dead = new NotifyConfig.Target();
        dead.type = "webhook";
        dead.url = "http://127.0.0.1:" + FreePorts.next() + "/hook"; // nothing listens
        Map<String, NotifyConfig.Target> targets = new LinkedHashMap<>();
        targets.put("duty-hook", hook);
        targets.put("ordos-dingtalk", robot);
        targets.put("duty-mail", mail);
        targets.put("dead-hook", dead);
        n.targets = targets;
        return n;
    }

    private static List<JsonNode> bodies(List<ReceivedRequest> requests) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ReceivedRequest r : requests) {
            out.add(JSON.readTree(r.body()));
        }
        return out;
    }

    private static List<JsonNode> notifyDeadLetters() {
        return SERVERS.kafkaJson("cems.deadletter").stream()
                .filter(d -> d.get("reason").asText().equals("notify_failed"))
                .toList();
    }

    /** The states of each id, in order of arrival. */
    private static Map<String, List<String>> statesById(List<JsonNode> events) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode e : events) {
            out.computeIfAbsent(e.get("id").asText(), k -> new ArrayList<>())
                    .add(e.get("state").asText());
        }
        return out;
    }
}
