package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.cems.gateway.Hj212Gateway;
import org.cems.hj212.DecodeResult;
import org.cems.hj212.Hj212Decoder;
import org.cems.hj212.Hj212Packet;

/** A data logger on its own TCP connection to the gateway, as the end-to-end tests play one. */
final class GatewayLogger {
    private GatewayLogger() {}

    /** One logger's connection: sends the frames, returns the first {@code count} answers. */
    static List<Hj212Packet> sendAndAwaitAnswers(Hj212Gateway gateway, int count, byte[]... frames) throws Exception {
        List<Hj212Packet> answers = new ArrayList<>();
        try (Socket socket = new Socket(
                gateway.localAddress().getAddress(), gateway.localAddress().getPort())) {
            socket.setSoTimeout(30_000);
            for (byte[] f : frames) {
                socket.getOutputStream().write(f);
            }
            Hj212Decoder.Session session = Hj212Decoder.builder().build().newSession();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (answers.size() < count) {
                int n = in.read(buffer);
                assertThat(n).as("the gateway closed the connection").isPositive();
                for (DecodeResult r : session.feed(buffer, 0, n)) {
                    answers.add(((DecodeResult.Decoded) r).packet());
                }
            }
        }
        return answers;
    }
}
