package dev.newsdesk.mail.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;

import dev.newsdesk.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    private final MailSettings settings;
    private final Clock clock;

    MailConfiguration(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}), the outbox folder otherwise. */
    @Bean
    MailDispatcher mailDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> smtp) {
        JavaMailSender sender = smtp.getIfAvailable();
        Delivery delivery = sender != null ? new SmtpDelivery(sender, settings) : new FolderDelivery(settings.outboxDir());
        log.info("Mail goes to {}", delivery.describe());
        // The JVM's name, "pid@host", tells admins which node held a message.
        return new MailDispatcher(outbox, delivery, settings, clock, ManagementFactory.getRuntimeMXBean().getName());
    }
}
