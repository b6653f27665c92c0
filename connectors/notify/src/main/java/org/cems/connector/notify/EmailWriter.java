package org.cems.connector.notify;

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
import org.apache.flink.annotation.Internal;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One SMTP session per message (alerts are few): STARTTLS, AUTH, one UTF-8 text message. A refused
 * login, a malformed address or a 5xx reply would fail again; anything else (no connection,
 * timeout, 4xx) is retried.
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
            int code = smtpReplyCode(e);
            Throwable cause = e.getNextException() != null ? e.getNextException() : e;
            String detail = cause.getClass().getSimpleName() + ": " + HttpPoster.abbreviate(cause.getMessage());
            // RFC 5321 section 4.2.1: 5yz is a permanent negative reply, 4yz a transient one
            return code >= 500 ? Outcome.refused(detail) : Outcome.retry(detail);
        }
    }

    /** The server's reply code in the failure or the failures chained to it; 0 when there was no reply (no connection, timeout). */
    static int smtpReplyCode(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException f) {
                return f.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException f) {
                return f.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException f) {
                return f.getReturnCode();
            }
        }
        return 0;
    }
}
