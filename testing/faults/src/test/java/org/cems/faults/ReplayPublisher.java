package org.cems.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Plays the {@link Replay} minute by minute at a fixed pace on a thread of its own, so that a
 * fault lands while data flows. It can hold before a given minute (nothing is published while a
 * broker restarts) and tells how far it got.
 */
final class ReplayPublisher {
    private final Replay replay = new Replay();
    private final Gateways gateways;
    private final String mqttPrefix;
    private final long paceMillis;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    private volatile int published = 0;
    private int holdAt = -1;
    private boolean held;

    ReplayPublisher(Gateways gateways, String mqttPrefix, long paceMillis) {
        this.gateways = gateways;
        this.mqttPrefix = mqttPrefix;
        this.paceMillis = paceMillis;
    }

    ReplayPublisher start() {
        Thread t = new Thread(this::run, "replay-publisher");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Minutes published so far (all of minute {@code published() - 1} is with the brokers). */
    int published() {
        return published;
    }

    /** Holds the publisher before {@code minute}: returns once it waits there. */
    synchronized void holdBefore(int minute) throws InterruptedException {
        holdAt = minute;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!held) {
            if (done.isDone() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the publisher did not reach minute " + minute);
            }
            wait(100);
        }
    }

    synchronized void resume() {
        holdAt = -1;
        notifyAll();
    }

    /** Waits until minute {@code minute} has been published. */
    void awaitMinute(int minute) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (published <= minute) {
            if (done.isCompletedExceptionally() || System.nanoTime() > deadline) {
                done.join();
                throw new IllegalStateException("the publisher did not reach minute " + minute);
            }
            Thread.sleep(10);
        }
    }

    /** Waits for the whole replay to be with the brokers (Kafka acks included); fails if any send failed. */
    void awaitDone() throws Exception {
        done.get(5, TimeUnit.MINUTES);
        gateways.flushKafka();
        for (Future<RecordMetadata> f : sent) {
            f.get(5, TimeUnit.MINUTES);
        }
    }

    private void run() {
        try {
            for (int m = 0; m < Replay.MINUTES; m++) {
                waitIfHeld(m);
                long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(paceMillis);
                for (Map.Entry<String, String> e : replay.minute(m)) {
                    byte[] payload = e.getValue().getBytes(StandardCharsets.UTF_8);
                    if (Replay.overMqtt(m)) {
                        gateways.toMqtt(mqttPrefix + "/" + e.getKey() + "/up", payload);
                    } else {
                        sent.add(gateways.toKafka(e.getKey(), payload));
                    }
                }
                published = m + 1;
                long rest = next - System.nanoTime();
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            done.complete(null);
        } catch (Exception | Error e) {
            done.completeExceptionally(e);
        }
    }

    private synchronized void waitIfHeld(int minute) throws InterruptedException {
        while (holdAt == minute) {
            held = true;
            notifyAll();
            wait(100);
        }
        held = false;
    }
}
