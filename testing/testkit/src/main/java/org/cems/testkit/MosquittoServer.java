package org.cems.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port, with its
 * own config and data folder. It can be stopped and started again on the same port and with the
 * same persistence file, to test what survives a broker restart.
 */
public final class MosquittoServer implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/mosquitto";

    private final Path dir;
    private final int port;
    private final boolean persistence;
    private final List<String> extraConfig;
    private ManagedProcess process;

    private MosquittoServer(boolean persistence, List<String> extraConfig) {
        DebianPackages.require(BINARY, "mosquitto");
        this.dir = TempDirs.create("cems-mosquitto-");
        this.port = FreePorts.next();
        this.persistence = persistence;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /** A broker with persistence on and anonymous access, already started. */
    public static MosquittoServer start() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized MosquittoServer startProcess() {
        Path conf = dir.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>();
        // started as root, mosquitto switches to user "mosquitto" and cannot write its folder
        lines.add("user root");
        lines.add("listener " + port + " 127.0.0.1");
        lines.add("allow_anonymous true");
        lines.add("persistence " + persistence);
        lines.add("persistence_location " + dir + "/");
        lines.add("autosave_interval 1");
        lines.add("max_queued_messages 100000");
        // $SYS statistics every second: tests wait on the subscription count (awaitSubscriptions)
        lines.add("sys_interval 1");
        lines.add("log_dest stdout");
        lines.add("log_type error");
        lines.add("log_type warning");
        lines.add("log_type notice");
        lines.addAll(extraConfig);
        try {
            Files.write(conf, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = new ManagedProcess("mosquitto", List.of(BINARY, "-c", conf.toString()), dir);
        process.start(() -> PortProbe.accepts(port), Duration.ofSeconds(20));
        return this;
    }

    /** Stops the broker gracefully (it writes its persistence file), keeping the port and data. */
    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public synchronized void restart() {
        stop();
        startProcess();
    }

    /**
     * Waits until clients other than this probe hold at least {@code count} subscriptions, e.g.
     * until a job's MQTT source has subscribed, so that nothing published afterwards is missed.
     */
    public void awaitSubscriptions(int count, Duration timeout) {
        // mosquitto counts shared subscriptions apart from plain ones; both are needed
        AtomicInteger plain = new AtomicInteger();
        AtomicInteger shared = new AtomicInteger();
        IMqttMessageListener plainListener = (topic, message) -> plain.set(parseCount(message.getPayload()));
        IMqttMessageListener sharedListener = (topic, message) -> shared.set(parseCount(message.getPayload()));
        MqttClient probe = null;
        try {
            probe = new MqttClient(uri(), "testkit-probe-" + System.nanoTime(), new MemoryPersistence());
            probe.connect();
            // Paho v5 1.2.5's subscribe(filter, qos, listener) recurses into itself: take the array form
            probe.subscribe(
                    new MqttSubscription[] {
                        new MqttSubscription("$SYS/broker/subscriptions/count", 0),
                        new MqttSubscription("$SYS/broker/shared_subscriptions/count", 0)
                    },
                    new IMqttMessageListener[] {plainListener, sharedListener});
            long deadline = System.nanoTime() + timeout.toNanos();
            // the probe's own two subscriptions are plain ones and are counted too
            while (Math.max(0, plain.get() - 2) + shared.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + (Math.max(0, plain.get() - 2) + shared.get()) + " of "
                            + count + " subscriptions after " + timeout);
                }
                ManagedProcess.sleep(100);
            }
            probe.disconnect();
        } catch (MqttException e) {
            throw new IllegalStateException("cannot watch the broker's subscriptions", e);
        } finally {
            closeQuietly(probe);
        }
    }

    private static int parseCount(byte[] payload) {
        return Integer.parseInt(new String(payload, java.nio.charset.StandardCharsets.US_ASCII).trim());
    }

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // closing a probe client: nothing to do about it
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        stop();
        TempDirs.deleteRecursively(dir);
    }

    /** Options for the broker; extra config lines allow TLS listeners and password files. */
    public static final class Builder {
        private boolean persistence = true;
        private final List<String> extraConfig = new ArrayList<>();

        public Builder persistence(boolean on) {
            this.persistence = on;
            return this;
        }

        public Builder configLine(String line) {
            extraConfig.add(line);
            return this;
        }

        public MosquittoServer build() {
            return new MosquittoServer(persistence, extraConfig).startProcess();
        }
    }
}
