package org.cems.connector.notify;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.annotation.PublicEvolving;

/**
 * E-mail through an SMTP relay (Jakarta Mail, Eclipse Angus). STARTTLS is required unless turned
 * off, so credentials never cross the network in clear; authentication when a username is given.
 * {@code trustHosts} (mail.smtp.ssl.trust) is for a relay with a certificate the JVM does not trust.
 */
@PublicEvolving
public final class EmailTarget extends NotifyTarget {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;
    private final boolean startTls;
    private final String username;
    private final String passwordEnv;
    private final String from;
    private final List<String> to;
    private final String trustHosts;

    public EmailTarget(
            String name,
            String host,
            int port,
            boolean startTls,
            String username,
            String passwordEnv,
            String from,
            List<String> to,
            String trustHosts) {
        super(name, null);
        if (host == null || from == null || to == null || to.isEmpty()) {
            throw new IllegalArgumentException("e-mail target " + name + " needs host, from and at least one to");
        }
        if (username != null && passwordEnv == null) {
            throw new IllegalArgumentException("e-mail target " + name + " has a username but no password_env");
        }
        this.host = host;
        this.port = port;
        this.startTls = startTls;
        this.username = username;
        this.passwordEnv = passwordEnv;
        this.from = from;
        this.to = List.copyOf(to);
        this.trustHosts = trustHosts;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean startTls() {
        return startTls;
    }

    public String username() {
        return username;
    }

    public String from() {
        return from;
    }

    public List<String> to() {
        return to;
    }

    public String trustHosts() {
        return trustHosts;
    }

    @Override
    TargetWriter createWriter(UnaryOperator<String> environment, NotifyOptions options) {
        String password =
                username == null ? null : secret(environment, passwordEnv, "SMTP password of e-mail target " + name());
        return new EmailWriter(this, password, options);
    }
}
