package org.cems.testkit.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.cems.testkit.ServerTests;
import org.cems.testkit.TempDirs;

/**
 * A real SMTP server (RFC 5321) on a free loopback port, in process, that insists on what a relay
 * for alert mail should: STARTTLS (RFC 3207) before AUTH PLAIN or LOGIN (RFC 4954), and AUTH before
 * MAIL. Its certificate is self-signed (keytool), made when it starts. It keeps every message as
 * received, in ISO-8859-1 so that any bytes survive, for the test to parse.
 */
public class SmtpServer implements AutoCloseable {
    private static final String STORE_PASSWORD = "changeit";

    private final String username;
    private final String password;
    private final Path dir;
    private final SSLContext tls;
    private final ServerSocket server;
    private final List<String> messages = new ArrayList<>();
    private final Set<String> unknownRecipients = new HashSet<>();
    private int refusedLogins;

    public SmtpServer(String username, String password) {
        ServerTests.requireIntegrationTest("an SMTP server");
        this.username = username;
        this.password = password;
        this.dir = TempDirs.create("smtp-tls");
        try {
            this.tls = selfSignedContext(dir);
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test SMTP server", e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-test-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** RCPT TO this address is answered 550 (no such user), a permanent refusal. */
    public synchronized SmtpServer refuseRecipient(String address) {
        unknownRecipients.add(address.toLowerCase(Locale.ROOT));
        return this;
    }

    private synchronized boolean knownRecipient(String rcptLine) {
        return unknownRecipients.stream()
                .noneMatch(a -> rcptLine.toLowerCase(Locale.ROOT).contains("<" + a + ">"));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every message taken (after DATA), raw, in order. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    public synchronized int refusedLogins() {
        return refusedLogins;
    }

    private static SSLContext selfSignedContext(Path dir) throws IOException {
        Path store = dir.resolve("smtp.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "smtp",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        STORE_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed, see " + dir.resolve("keytool.log"));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, STORE_PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> session(client), "smtp-test-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket plain) {
        Socket socket = plain;
        try {
            socket.setSoTimeout(30_000);
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            boolean secure = false;
            boolean authenticated = false;
            reply(out, "220 cems-test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4
                        ? line.toUpperCase()
                        : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO" ->
                        reply(
                                out,
                                secure
                                        ? "250-cems-test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME"
                                        : "250-cems-test\r\n250-STARTTLS\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 cems-test");
                    case "STAR" -> {
                        reply(out, "220 2.0.0 Ready to start TLS");
                        SSLSocket ssl = (SSLSocket)
                                tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        socket = ssl;
                        in = reader(socket);
                        out = socket.getOutputStream();
                        secure = true;
                    }
                    case "AUTH" -> {
                        if (!secure) {
                            reply(out, "530 5.7.0 Must issue a STARTTLS command first");
                        } else if (login(line, in, out)) {
                            authenticated = true;
                            reply(out, "235 2.7.0 Authentication successful");
                        } else {
                            synchronized (this) {
                                refusedLogins++;
                            }
                            reply(out, "535 5.7.8 Authentication credentials invalid");
                        }
                    }
                    case "MAIL" -> reply(out, authenticated ? "250 2.1.0 Ok" : "530 5.7.0 Authentication required");
                    case "RCPT" ->
                        reply(
                                out,
                                !authenticated
                                        ? "530 5.7.0 Authentication required"
                                        : knownRecipient(line) ? "250 2.1.5 Ok" : "550 5.1.1 User unknown");
                    case "DATA" -> {
                        if (!authenticated) {
                            reply(out, "530 5.7.0 Authentication required");
                            break;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            message.append(data.startsWith("..") ? data.substring(1) : data)
                                    .append("\r\n");
                        }
                        synchronized (this) {
                            messages.add(message.toString());
                        }
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private boolean login(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] parts = line.split(" ");
        if (parts.length >= 2 && parts[1].equalsIgnoreCase("PLAIN")) {
            String encoded = parts.length > 2 ? parts[2] : prompt(out, in, "334 ");
            String[] fields = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split("\0", -1);
            return fields.length == 3 && fields[1].equals(username) && fields[2].equals(password);
        }
        if (parts.length >= 2 && parts[1].equalsIgnoreCase("LOGIN")) {
            String user = decode(parts.length > 2 ? parts[2] : prompt(out, in, "334 VXNlcm5hbWU6"));
            String pass = decode(prompt(out, in, "334 UGFzc3dvcmQ6"));
            return user.equals(username) && pass.equals(password);
        }
        return false;
    }

    private static String prompt(OutputStream out, BufferedReader in, String challenge) throws IOException {
        reply(out, challenge);
        String answer = in.readLine();
        return answer == null ? "" : answer.trim();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        TempDirs.deleteRecursively(dir);
    }
}
