package org.cems.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Packet;

/** A simulated data logger: one blocking TCP connection, and the answers the gateway sent back. */
final class TestLogger implements AutoCloseable {
    private static final Hj212Decoder DECODER = Hj212Decoder.builder().build();

    private final Socket socket;
    private final InputStream in;
    private final Hj212Decoder.Session session;
    private final List<Hj212Packet> answers = new ArrayList<>();
    private final byte[] buffer = new byte[4096];
    private boolean closedByGateway;

    TestLogger(InetSocketAddress gateway) throws IOException {
        this(gateway, DECODER);
    }

    /** A logger that reads the gateway's frames with {@code decoder} (its SM4 key, for a host 1014). */
    TestLogger(InetSocketAddress gateway, Hj212Decoder decoder) throws IOException {
        session = decoder.newSession();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(gateway, 10_000);
        in = socket.getInputStream();
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** No more frames from this logger; the gateway sees the end of the stream. */
    void endSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads answers until there are {@code count} or {@code timeout} passed; returns all so far. */
    List<Hj212Packet> awaitAnswers(int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answers.size() < count && !closedByGateway) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                break;
            }
            readOnce(leftMillis);
        }
        return List.copyOf(answers);
    }

    /** Reads answers until there are {@code count} in all or {@code timeout} passed; returns how many. */
    int awaitAnswerCount(int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answers.size() < count && !closedByGateway) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                break;
            }
            readOnce(leftMillis);
        }
        return answers.size();
    }

    /** True when the gateway closed the connection within {@code timeout}. */
    boolean awaitClosedByGateway(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closedByGateway) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return false;
            }
            readOnce(leftMillis);
        }
        return true;
    }

    private void readOnce(long timeoutMillis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            int n = in.read(buffer);
            if (n < 0) {
                closedByGateway = true;
                return;
            }
            for (DecodeResult r : session.feed(buffer, 0, n)) {
                if (r instanceof DecodeResult.Decoded d) {
                    answers.add(d.packet());
                } else {
                    throw new AssertionError("the gateway sent a frame that does not decode: " + r);
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing within the time left; the caller decides
        } catch (IOException e) {
            closedByGateway = true; // reset by the gateway
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
