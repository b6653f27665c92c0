package org.cems.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Framer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread with one selector serves every connection: accepts, reads and frames, writes
 * answers, closes idle connections. Framing and decoding take microseconds per frame and Kafka
 * sends are asynchronous, so one thread keeps up with thousands of loggers on a 2-core host
 * where a thread per connection would not. Other threads hand work in through {@link #execute}.
 */
final class EventLoop implements Runnable, Executor {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final long MAX_IDLE_CHECK_MILLIS = 1000;
    private static final long CLOSING_POLL_MILLIS = 20;
    private static final long REFUSAL_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final GatewayOptions options;
    private final GatewayCounters counters;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final FrameRouter router;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final long idleTimeoutNanos;
    private final long idleCheckMillis;
    private long lastIdleCheckNanos = System.nanoTime();
    private long lastRefusalLogNanos = System.nanoTime() - REFUSAL_LOG_EVERY_NANOS;
    private volatile boolean running = true;
    private boolean closing;
    private long closeDeadlineNanos;

    private EventLoop(
            GatewayOptions options,
            GatewayCounters counters,
            KafkaPublisher publisher,
            Selector selector,
            ServerSocketChannel server) {
        this.options = options;
        this.counters = counters;
        this.selector = selector;
        this.server = server;
        Hj212Decoder decoder = Hj212Decoder.builder()
                .crcPolicy(options.crcPolicy())
                .maxSegmentBytes(options.maxSegmentBytes())
                .sm4Keys(options.sm4Keys())
                .build();
        this.router = new FrameRouter(
                decoder,
                options.passwords(),
                publisher,
                counters,
                this,
                new KeyChanges(options.sm4Keys(), options.sm4KeysFile(), decoder.options(), counters),
                new Registrations(options.registeredMns(), options.registrationsFile(), counters));
        this.idleTimeoutNanos = options.idleTimeout().toNanos();
        this.idleCheckMillis = Math.max(
                10, Math.min(MAX_IDLE_CHECK_MILLIS, options.idleTimeout().toMillis() / 4));
    }

    /** Binds the listening socket; nothing is accepted before {@link #run()}. */
    static EventLoop open(GatewayOptions options, GatewayCounters counters, KafkaPublisher publisher)
            throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            // a deep backlog: hundreds of loggers reconnect at once after a network outage
            server.bind(options.listen(), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw new IOException("cannot listen on " + options.listen() + ": " + e.getMessage(), e);
        }
        return new EventLoop(options, counters, publisher, selector, server);
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) server.socket().getLocalSocketAddress();
    }

    /** Runs {@code task} on the loop thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop thread; the future completes after it ran. */
    CompletableFuture<Void> submit(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** First step of a graceful stop: no new connections, nothing more read. */
    CompletableFuture<Void> stopReading() {
        return submit(() -> {
            closeQuietly(server);
            forEachConnection(Connection::stopReading);
        });
    }

    /** Last step: write the answers still queued (until {@code deadlineNanos}), close everything, end the loop. */
    void closeAfterReplies(long deadlineNanos) {
        execute(() -> {
            closing = true;
            closeDeadlineNanos = deadlineNanos;
        });
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(closing ? CLOSING_POLL_MILLIS : idleCheckMillis);
                runTasks();
                handleSelected();
                long now = System.nanoTime();
                if (now - lastIdleCheckNanos >= TimeUnit.MILLISECONDS.toNanos(idleCheckMillis)) {
                    lastIdleCheckNanos = now;
                    closeIdle(now);
                }
                if (closing && (!anyPendingReplies() || now - closeDeadlineNanos >= 0)) {
                    running = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("the gateway's event loop failed; closing every connection", e);
        } finally {
            forEachConnection(Connection::close);
            closeQuietly(server);
            closeQuietly(selector);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void handleSelected() {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                acceptAll();
            } else {
                serve((Connection) key.attachment(), key);
            }
        }
    }

    private void serve(Connection c, SelectionKey key) {
        try {
            if (key.isWritable()) {
                c.writeReplies();
            }
            if (key.isValid() && key.isReadable() && !c.read(readBuffer)) {
                c.endOfStream();
                c.close();
            }
        } catch (IOException e) {
            LOG.debug("{}: {}", c.origin(), e.toString());
            c.endOfStream();
            c.close();
        }
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                LOG.warn("accepting a connection failed: {}", e.toString());
                return;
            }
            if (channel == null) {
                return;
            }
            if (counters.connectionsOpen.get() >= options.maxConnections()) {
                refuse(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                // answers are small and a logger waits for each one: send them at once
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                Hj212Framer framer = new Hj212Framer(options.maxSegmentBytes(), options.crcPolicy());
                key.attach(new Connection(channel, key, framer, router, counters, options.maxInFlightPerConnection()));
                counters.connectionsAccepted.incrementAndGet();
                counters.connectionsOpen.incrementAndGet();
            } catch (IOException e) {
                LOG.debug("setting up a connection failed: {}", e.toString());
                closeQuietly(channel);
            }
        }
    }

    private void refuse(SocketChannel channel) {
        counters.connectionsRefused.incrementAndGet();
        closeQuietly(channel);
        long now = System.nanoTime();
        if (now - lastRefusalLogNanos >= REFUSAL_LOG_EVERY_NANOS) {
            lastRefusalLogNanos = now;
            LOG.warn(
                    "{} connections open, the limit: refusing new ones (further refusals within 10 s not logged)",
                    options.maxConnections());
        }
    }

    private void closeIdle(long nowNanos) {
        forEachConnection(c -> {
            if (c.idleLongerThan(idleTimeoutNanos, nowNanos)) {
                LOG.debug("{}: idle for {}, closing", c.origin(), options.idleTimeout());
                counters.connectionsIdled.incrementAndGet();
                c.endOfStream();
                c.close();
            }
        });
    }

    private boolean anyPendingReplies() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && c.isOpen() && c.hasPendingReplies()) {
                return true;
            }
        }
        return false;
    }

    private void forEachConnection(Consumer<Connection> action) {
        List<Connection> all = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c && c.isOpen()) {
                all.add(c);
            }
        }
        all.forEach(action);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
