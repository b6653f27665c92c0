package org.cems.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayDeque;
import org.cems.hj212.CrcVariant;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Framer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data logger's TCP connection: its framer, the answers waiting to be written, and how many
 * of its frames Kafka has not acknowledged yet. Used by the event loop thread only.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** A logger that lets this much of its answers pile up is not reading them: it is dropped. */
    private static final int MAX_PENDING_REPLY_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final String origin;
    private final Hj212Framer framer;
    private final FrameRouter router;
    private final GatewayCounters counters;
    private final int maxInFlight;
    private final ArrayDeque<ByteBuffer> replies = new ArrayDeque<>();
    private final Hj212Framer.Listener framed = new Hj212Framer.Listener() {
        @Override
        public void onFrame(byte[] segment, CrcVariant crcVariant) {
            router.onFrame(Connection.this, segment, crcVariant, receivedAt);
        }

        @Override
        public void onRejected(DecodeResult.Rejected rejected) {
            router.onRejected(Connection.this, rejected, receivedAt);
        }
    };
    private Instant receivedAt = Instant.EPOCH;
    private long lastReadNanos = System.nanoTime();
    private int pendingReplyBytes;
    private int inFlight;
    private boolean readingAllowed = true;
    private boolean open = true;

    Connection(
            SocketChannel channel,
            SelectionKey key,
            Hj212Framer framer,
            FrameRouter router,
            GatewayCounters counters,
            int maxInFlight) {
        this.channel = channel;
        this.key = key;
        this.origin = origin(channel);
        this.framer = framer;
        this.router = router;
        this.counters = counters;
        this.maxInFlight = maxInFlight;
    }

    /** {@code tcp:IP:PORT} of the data logger, as dead letters name it. */
    String origin() {
        return origin;
    }

    boolean isOpen() {
        return open;
    }

    /** Reads what is there and frames it; false at end of stream. */
    boolean read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            return false;
        }
        if (n > 0) {
            lastReadNanos = System.nanoTime();
            receivedAt = Instant.now();
            framer.feed(buffer.array(), 0, n, framed);
        }
        return true;
    }

    /** The stream ended: a partial frame becomes a {@code truncated} dead letter. */
    void endOfStream() {
        receivedAt = Instant.now();
        framer.finish(framed);
    }

    boolean idleLongerThan(long idleNanos, long nowNanos) {
        return nowNanos - lastReadNanos > idleNanos;
    }

    /** Queues an answer and writes what the socket takes now. */
    void reply(byte[] frame) {
        if (!open) {
            return; // the logger has gone; it sends the frame again and gets its answer then
        }
        replies.add(ByteBuffer.wrap(frame));
        pendingReplyBytes += frame.length;
        if (pendingReplyBytes > MAX_PENDING_REPLY_BYTES) {
            LOG.warn("{} does not read its answers ({} bytes waiting): closing it", origin, pendingReplyBytes);
            close();
            return;
        }
        writeReplies();
    }

    /** Writes queued answers until the socket is full. */
    void writeReplies() {
        try {
            while (!replies.isEmpty()) {
                ByteBuffer head = replies.peek();
                pendingReplyBytes -= channel.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                replies.poll();
                counters.repliesSent.incrementAndGet();
            }
        } catch (IOException e) {
            LOG.debug("{}: writing answers failed: {}", origin, e.toString());
            close();
            return;
        }
        updateInterest();
    }

    boolean hasPendingReplies() {
        return !replies.isEmpty();
    }

    /** A frame went to Kafka; reading pauses while too many of this logger's frames are unacknowledged. */
    void publishStarted() {
        inFlight++;
        updateInterest();
    }

    void publishFinished() {
        inFlight--;
        updateInterest();
    }

    /** The gateway is stopping: read nothing more, still write answers. */
    void stopReading() {
        readingAllowed = false;
        updateInterest();
    }

    void close() {
        if (!open) {
            return;
        }
        open = false;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close failed: {}", origin, e.toString());
        }
        counters.connectionsOpen.decrementAndGet();
    }

    private void updateInterest() {
        if (!open) {
            return;
        }
        int ops = (readingAllowed && inFlight < maxInFlight ? SelectionKey.OP_READ : 0)
                | (replies.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        key.interestOps(ops);
    }

    private static String origin(SocketChannel channel) {
        try {
            if (channel.getRemoteAddress() instanceof InetSocketAddress remote) {
                return "tcp:" + remote.getAddress().getHostAddress() + ":" + remote.getPort();
            }
        } catch (IOException e) {
            // fall through: a connection reset before we asked still gets a name
        }
        return "tcp:unknown";
    }
}
