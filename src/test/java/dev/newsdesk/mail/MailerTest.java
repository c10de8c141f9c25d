package dev.newsdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.newsdesk.NewsdeskTest;
import dev.newsdesk.TestMailServer;
import dev.newsdesk.TestNews;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@NewsdeskTest
class MailerTest {

    @Autowired Mailer mailer;
    @Autowired GreenMail smtp;
    @Autowired TransactionTemplate transaction;

    @Test
    void deliversAMultipartMessageWithItsHeaders() throws Exception {
        String to = TestNews.unique("reader") + "@example.org";

        mailer.send(new Mail(to, "Подтвердите адрес", "Откройте ссылку: https://news.example.org/x",
                "<p>Откройте <a href=\"https://news.example.org/x\">ссылку</a></p>"));

        MimeMessage message = await().atMost(Duration.ofSeconds(5))
                .until(() -> TestMailServer.messagesTo(smtp, to), messages -> messages.size() == 1).getFirst();
        assertThat(message.getSubject()).isEqualTo("Подтвердите адрес");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Newsdesk Test <desk@news.example.org>");
        assertThat(message.getReplyTo()[0].toString()).isEqualTo("editors@news.example.org");
        assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@news\\.example\\.org>");
        assertThat(message.getSentDate()).isNotNull();
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("text/plain", "text/html");
        assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
    }

    @Test
    void sendsNothingWhenTheCallersTransactionRollsBack() {
        String to = TestNews.unique("rolled-back") + "@example.org";
        String sentinel = TestNews.unique("sentinel") + "@example.org";

        transaction.executeWithoutResult(status -> {
            mailer.send(new Mail(to, "Never", "never", "<p>never</p>"));
            status.setRollbackOnly();
        });
        mailer.send(new Mail(sentinel, "After", "after", "<p>after</p>"));

        await().atMost(Duration.ofSeconds(5)).until(() -> TestMailServer.messagesTo(smtp, sentinel).size() == 1);
        assertThat(TestMailServer.messagesTo(smtp, to)).isEmpty();
    }

    @Test
    void refusesMessagesWithoutARecipientOrContent() {
        assertThatThrownBy(() -> mailer.send(new Mail("not an address", "S", "t", "<p>h</p>")))
                .isInstanceOf(MailRejected.class);
        assertThatThrownBy(() -> mailer.send(new Mail("a@example.org", " ", "t", "<p>h</p>")))
                .isInstanceOf(MailRejected.class);
    }
}
