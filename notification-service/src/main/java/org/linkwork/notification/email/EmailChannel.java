package org.linkwork.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkwork.notification.delivery.Outgoing;
import org.linkwork.notification.delivery.SendResult;

/** E-mail over SMTP (Quarkus Mailer), with a plain-text and an HTML part. */
@ApplicationScoped
public class EmailChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    final Mailer mailer;

    EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    public SendResult send(Outgoing.Email email) {
        Mail mail = Mail.withText(email.to(), email.subject(), email.text()).setHtml(email.html());
        if (email.replyTo() != null && !email.replyTo().isBlank()) {
            mail.setReplyTo(email.replyTo());
        }
        try {
            mailer.send(mail);
            return SendResult.ok();
        } catch (RuntimeException e) {
            // the exception may quote the address, so only its type is logged
            LOG.warnf("SMTP send failed: %s", e.getClass().getSimpleName());
            return SendResult.retry("smtp-error");
        }
    }
}
