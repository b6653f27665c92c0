package org.cems.connector.notify;

import org.apache.flink.annotation.Internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;

/**
 * One SMTP session per message (alerts are few): STARTTLS, AUTH, one UTF-8 text message. A refused
 * login or address would fail again; anything else (no connection, timeout, 4xx) is retried.
 */
@Internal
final class EmailWriter implements TargetWriter {
    private final EmailTarget target;
    private final String password;
    private final NotificationText text;
    private final Session session;
    private final Address from;
    private final Address[] to;

    EmailWriter(EmailTarget target, String password, NotifyOptions options) {
        this.target = target;
        this.password = password;
        this.text = options.text();
        String timeoutMs = Long.toString(options.requestTimeout().toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.host", target.host());
        p.put("mail.smtp.port", Integer.toString(target.port()));
        p.put("mail.smtp.auth", Boolean.toString(target.username() != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(target.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(target.startTls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (target.trustHosts() != null) {
            p.put("mail.smtp.ssl.trust", target.trustHosts());
        }
        p.put("mail.smtp.connectiontimeout", timeoutMs);
        p.put("mail.smtp.timeout", timeoutMs);
        p.put("mail.smtp.writetimeout", timeoutMs);
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(target.from(), true);
            this.to = InternetAddress.parse(String.join(",", target.to()), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("e-mail target " + target.name() + ": " + e.getMessage(), e);
        }
    }

    MimeMessage message(Notification n) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(text.title(n), "UTF-8");
        m.setText(text.plain(n), "UTF-8");
        m.setSentDate(new Date());
        m.setHeader("X-CEMS-Alert-Id", n.id);
        m.setHeader("X-CEMS-Alert-State", n.state);
        return m;
    }

    @Override
    public Outcome send(Notification n) {
        try {
            MimeMessage m = message(n);
            if (target.username() == null) {
                Transport.send(m);
            } else {
                Transport.send(m, target.username(), password);
            }
            return Outcome.delivered();
        } catch (AuthenticationFailedException e) {
            return Outcome.refused("SMTP login refused for " + target.username());
        } catch (AddressException e) {
            return Outcome.refused("address refused: " + HttpPoster.abbreviate(e.getMessage()));
        } catch (MessagingException e) {
            Throwable cause = e.getNextException() != null ? e.getNextException() : e;
            return Outcome.retry(cause.getClass().getSimpleName() + ": " + HttpPoster.abbreviate(cause.getMessage()));
        }
    }
}
