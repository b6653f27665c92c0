package org.cems.connector.notify;

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
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.cems.connector.base.RetryPolicy;
import org.cems.testkit.FreePorts;
import org.cems.testkit.notify.DingTalkReceiver;
import org.cems.testkit.notify.ReceivedRequest;
import org.cems.testkit.notify.SmtpServer;
import org.cems.testkit.notify.WeComReceiver;
import org.cems.testkit.notify.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink in a Flink job against real servers on loopback: a webhook, a DingTalk robot that checks
 * signatures and its rate limit, a WeCom robot and an SMTP server with STARTTLS and AUTH. Each job
 * reads a bounded list, so it ends only when every message is delivered or dead-lettered.
 */
class NotifySinkITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DINGTALK_TOKEN = "dingtalk-access-token";
    private static final String DINGTALK_SECRET = "SEC0123456789abcdef";
    /** Short waits so that a spent budget takes well under a second. */
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200));

    static final Queue<String> DEAD_LETTERS = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @BeforeEach
    void clear() {
        DEAD_LETTERS.clear();
    }

    private static Notification exceedance(String state) {
        return Notifications.of("power/u1-stack/a21026", state, "critical", "exceedance");
    }

    private static Notification calibration(String state) {
        return Notifications.of("power/u1-fgd-in", state, "warning", "instrument_calibration");
    }

    @Test
    void eachTargetGetsEachFiringAndResolvedOnceAsItsRoutesSay() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver();
                DingTalkReceiver dingTalk =
                        new DingTalkReceiver(DINGTALK_TOKEN, DINGTALK_SECRET, 20, Duration.ofMinutes(1));
                WeComReceiver weCom = new WeComReceiver("wecom-robot-key");
                SmtpServer smtp = new SmtpServer("alerts@cems.test", "smtp-pass-w0rd")) {
            NotifyOptions options = new NotifyOptions()
                    .addTarget(new WebhookTarget("duty-webhook", webhook.uri(), "CEMS_TEST_WEBHOOK_KEY"))
                    .addTarget(new DingTalkTarget(
                            "ordos-dingtalk", dingTalk.uri(), "CEMS_TEST_DINGTALK_TOKEN", "CEMS_TEST_DINGTALK_SECRET"))
                    .addTarget(new WeComTarget("ordos-wecom", weCom.uri(), "CEMS_TEST_WECOM_KEY"))
                    .addTarget(mail(smtp, "CEMS_TEST_SMTP_PASSWORD"))
                    .addRoute(Route.all(List.of("duty-webhook")))
                    .addRoute(new Route(
                            Set.of("critical", "major"),
                            Set.of(),
                            Set.of("power"),
                            List.of("ordos-dingtalk", "duty-mail")))
                    .addRoute(new Route(Set.of(), Set.of("instrument_calibration"), Set.of(), List.of("ordos-wecom")));
            // the firing exceedance twice, as a replaying upstream would send it
            run(
                    options,
                    exceedance("firing"),
                    calibration("firing"),
                    exceedance("firing"),
                    calibration("resolved"),
                    exceedance("resolved"));

            assertThat(webhook.requests()).hasSize(4);
            for (ReceivedRequest r : webhook.requests()) {
                String timestamp = r.headers().get("x-cems-timestamp");
                assertThat(r.headers().get("x-cems-signature"))
                        .isEqualTo(WebhookWriter.signature("webhook-hmac-key", Long.parseLong(timestamp), r.body()));
            }
            List<String> webhookEvents = new ArrayList<>();
            for (ReceivedRequest r : webhook.requests()) {
                JsonNode body = JSON.readTree(r.body());
                webhookEvents.add(
                        body.get("type").asText() + " " + body.get("state").asText());
            }
            assertThat(webhookEvents)
                    .containsExactlyInAnyOrder(
                            "exceedance firing",
                            "exceedance resolved",
                            "instrument_calibration firing",
                            "instrument_calibration resolved");
            JsonNode firstFiring = JSON.readTree(webhook.requests().get(0).body());
            assertThat(firstFiring.get("enterprise_name").asText()).isEqualTo("鄂尔多斯热电厂");
            assertThat(firstFiring.get("time").asText()).isEqualTo("2025-11-26T02:00:00Z");

            assertThat(dingTalk.badSignatures()).isZero();
            assertThat(dingTalk.messages()).hasSize(2);
            JsonNode fired = JSON.readTree(dingTalk.messages().get(0).body());
            assertThat(fired.get("msgtype").asText()).isEqualTo("markdown");
            assertThat(fired.at("/markdown/title").asText()).isEqualTo("【超标】鄂尔多斯热电厂 u1-stack");
            assertThat(fired.at("/markdown/text").asText())
                    .contains("**告警中**", "级别：严重", "企业：鄂尔多斯热电厂", "时间：2025-11-26 10:00", "超过排放限值35.0 mg/m³");
            assertThat(JSON.readTree(dingTalk.messages().get(1).body())
                            .at("/markdown/text")
                            .asText())
                    .contains("**已恢复**", "时间：2025-11-26 12:00", "【超标解除】");

            assertThat(weCom.messages()).hasSize(2);
            assertThat(JSON.readTree(weCom.messages().get(0).body())
                            .at("/markdown/content")
                            .asText())
                    .contains("级别：一般");

            assertThat(smtp.messages()).hasSize(2);
            MimeMessage mail = parse(smtp.messages().get(0));
            assertThat(mail.getSubject()).isEqualTo("【超标】鄂尔多斯热电厂 u1-stack");
            assertThat(mail.getHeader("X-CEMS-Alert-State", null)).isEqualTo("firing");
            assertThat((String) mail.getContent())
                    .contains("超过排放限值35.0 mg/m³", "状态：告警中", "时间：2025-11-26 10:00（Asia/Shanghai）");
            assertThat(parse(smtp.messages().get(1)).getSubject()).isEqualTo("【超标解除】鄂尔多斯热电厂 u1-stack");
            assertThat(DEAD_LETTERS).isEmpty();
        }
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageDeliveredOnce() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver().failNext(500)) {
            run(
                    new NotifyOptions()
                            .addTarget(new WebhookTarget("hook", webhook.uri(), null))
                            .retryPolicy(FAST_RETRIES),
                    exceedance("firing"));
            assertThat(webhook.requests()).hasSize(2);
            assertThat(webhook.requests().get(0).body())
                    .isEqualTo(webhook.requests().get(1).body());
            assertThat(DEAD_LETTERS).isEmpty();
        }
    }

    @Test
    void aDeadEndpointIsDeadLetteredAfterTheBudgetWhileTheOtherTargetsGetTheirs() throws Exception {
        try (WebhookReceiver live = new WebhookReceiver()) {
            URI dead = URI.create("http://127.0.0.1:" + FreePorts.next() + "/hook"); // nothing listens
            long started = System.currentTimeMillis();
            run(
                    new NotifyOptions()
                            .addTarget(new WebhookTarget("dead", dead, null))
                            .addTarget(new WebhookTarget("live", live.uri(), null))
                            .retryPolicy(FAST_RETRIES)
                            .requestTimeout(Duration.ofSeconds(2)),
                    exceedance("firing"),
                    exceedance("resolved"));
            assertThat(System.currentTimeMillis() - started).isLessThan(30_000);
            assertThat(live.requests()).hasSize(2);
            assertThat(DEAD_LETTERS)
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d)
                            .startsWith("dead ")
                            .contains("after 3 attempts", "retry budget spent: ConnectException"));
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (WebhookReceiver webhook = new WebhookReceiver().failNext(400)) {
            run(
                    new NotifyOptions()
                            .addTarget(new WebhookTarget("hook", webhook.uri(), null))
                            .retryPolicy(FAST_RETRIES),
                    exceedance("firing"));
            assertThat(webhook.requests()).hasSize(1);
            assertThat(DEAD_LETTERS).singleElement().asString().contains("after 1 attempts", "refused: HTTP 400");
        }
    }

    @Test
    void aRefusedSmtpLoginIsDeadLettered() throws Exception {
        try (SmtpServer smtp = new SmtpServer("alerts@cems.test", "smtp-pass-w0rd")) {
            run(
                    new NotifyOptions()
                            .addTarget(mail(smtp, "CEMS_TEST_SMTP_WRONG_PASSWORD"))
                            .retryPolicy(FAST_RETRIES),
                    exceedance("firing"));
            assertThat(smtp.messages()).isEmpty();
            assertThat(smtp.refusedLogins()).isEqualTo(1);
            assertThat(DEAD_LETTERS)
                    .singleElement()
                    .asString()
                    .contains("refused: SMTP login refused for alerts@cems.test")
                    .doesNotContain("not-the-password");
        }
    }

    @Test
    void aPermanentSmtpRefusalIsNotRetried() throws Exception {
        try (SmtpServer smtp =
                new SmtpServer("alerts@cems.test", "smtp-pass-w0rd").refuseRecipient("chief@ordos.test")) {
            run(
                    new NotifyOptions()
                            .addTarget(mail(smtp, "CEMS_TEST_SMTP_PASSWORD"))
                            .retryPolicy(FAST_RETRIES),
                    exceedance("firing"));
            assertThat(smtp.messages()).isEmpty();
            assertThat(DEAD_LETTERS)
                    .singleElement()
                    .asString()
                    .contains("after 1 attempts", "refused: SMTPAddressFailedException", "550");
        }
    }

    /** 12 messages, 5 allowed in any 2 s: the 11th can go no earlier than 4 s after the 1st, and none is refused. */
    @Test
    void theRateLimitSpacesMessagesSoTheRobotRefusesNone() throws Exception {
        try (DingTalkReceiver dingTalk =
                new DingTalkReceiver(DINGTALK_TOKEN, DINGTALK_SECRET, 5, Duration.ofSeconds(2))) {
            NotifyOptions options = new NotifyOptions()
                    .addTarget(new DingTalkTarget(
                                    "robot", dingTalk.uri(), "CEMS_TEST_DINGTALK_TOKEN", "CEMS_TEST_DINGTALK_SECRET")
                            .withRateLimit(new RateLimit(5, Duration.ofSeconds(2))));
            run(options, incidents(12));
            List<ReceivedRequest> taken = dingTalk.messages();
            assertThat(taken).hasSize(12);
            assertThat(dingTalk.tooFastAnswers()).isZero();
            assertThat(taken.get(10).receivedMillis() - taken.get(0).receivedMillis())
                    .isGreaterThanOrEqualTo(4_000);
        }
    }

    /** A limit set above the robot's: it answers 130101, and each such message is retried later and delivered. */
    @Test
    void sendTooFastAnswersAreRetried() throws Exception {
        try (DingTalkReceiver dingTalk =
                new DingTalkReceiver(DINGTALK_TOKEN, DINGTALK_SECRET, 5, Duration.ofSeconds(2))) {
            NotifyOptions options = new NotifyOptions()
                    .addTarget(new DingTalkTarget(
                                    "robot", dingTalk.uri(), "CEMS_TEST_DINGTALK_TOKEN", "CEMS_TEST_DINGTALK_SECRET")
                            .withRateLimit(new RateLimit(100, Duration.ofSeconds(2))))
                    .retryPolicy(new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(2)));
            run(options, incidents(8));
            assertThat(dingTalk.messages()).hasSize(8);
            assertThat(dingTalk.tooFastAnswers()).isPositive();
            assertThat(DEAD_LETTERS).isEmpty();
        }
    }

    private static Notification[] incidents(int count) {
        Notification[] out = new Notification[count];
        for (int i = 0; i < count; i++) {
            out[i] = Notifications.of("power/u" + i + "-stack/a21026", "firing", "critical", "exceedance");
        }
        return out;
    }

    private static EmailTarget mail(SmtpServer smtp, String passwordEnv) {
        return new EmailTarget(
                "duty-mail",
                "127.0.0.1",
                smtp.port(),
                true,
                "alerts@cems.test",
                passwordEnv,
                "CEMS <alerts@cems.test>",
                List.of("duty@ordos.test", "chief@ordos.test"),
                "127.0.0.1");
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void run(NotifyOptions options, Notification... notifications) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(List.of(notifications), TypeInformation.of(Notification.class))
                .sinkTo(NotifySink.builder()
                        .setOptions(options)
                        .setDeliveryFailureHandler(context -> (n, target, reason, attempts) -> DEAD_LETTERS.add(
                                target + " " + n.id + " " + n.state + " after " + attempts + " attempts: " + reason))
                        .build());
        env.execute("notify");
    }
}
