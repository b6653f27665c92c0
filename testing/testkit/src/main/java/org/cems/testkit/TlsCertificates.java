package org.cems.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority with a server certificate for 127.0.0.1/localhost and a
 * client certificate, made with openssl and keytool: PEM files for a broker, PKCS12 stores for
 * Java clients. All stores use the one password given.
 */
public final class TlsCertificates {
    private final Path dir;

    private TlsCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates everything in {@code dir}; the stores are protected by {@code storePassword}. */
    public static TlsCertificates generate(Path dir, String storePassword) {
        DebianPackages.require("/usr/bin/openssl", "openssl");
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-subj",
                "/CN=cems-test-ca");
        issue(dir, "server", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        issue(dir, "client", "/CN=cems-test-client", "extendedKeyUsage=clientAuth");
        run(
                dir,
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                "client.pem",
                "-inkey",
                "client.key",
                "-name",
                "client",
                "-out",
                "client.p12",
                "-passout",
                "pass:" + storePassword);
        run(
                dir,
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                "server.pem",
                "-inkey",
                "server.key",
                "-name",
                "server",
                "-out",
                "server.p12",
                "-passout",
                "pass:" + storePassword);
        run(
                dir,
                "keytool",
                "-importcert",
                "-noprompt",
                "-alias",
                "cems-test-ca",
                "-file",
                "ca.pem",
                "-keystore",
                "truststore.p12",
                "-storetype",
                "PKCS12",
                "-storepass",
                storePassword);
        return new TlsCertificates(dir);
    }

    private static void issue(Path dir, String name, String subject, String extension) {
        run(
                dir,
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                subject);
        try {
            Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(
                dir,
                "openssl",
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-out",
                name + ".pem",
                "-extfile",
                name + ".ext");
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** PKCS12 key store holding the server certificate and key, for Java servers (Kafka). */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** PKCS12 trust store holding the CA certificate. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** PKCS12 key store holding the client certificate and key. */
    public Path clientKeyStore() {
        return dir.resolve("client.p12");
    }

    static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("commands.log").toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "`" + command[0] + " " + command[1] + "` failed, see " + dir.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
