package dev.newsdesk.mail.internal;

import java.time.Clock;
import java.time.Duration;

import dev.newsdesk.mail.MailSettings;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);
    static final String LOCK = "mail-dispatch";

    private final ObjectProvider<MailDispatcher> dispatcher;
    private final MailSettings settings;
    private final LockingTaskExecutor locking;
    private final Clock clock;

    MailConfiguration(ObjectProvider<MailDispatcher> dispatcher, MailSettings settings, LockProvider locks, Clock clock) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.locking = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    /** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}), the outbox folder otherwise. */
    @Bean
    MailDispatcher mailDispatcher(Outbox outbox, ObjectProvider<JavaMailSender> smtp) {
        JavaMailSender sender = smtp.getIfAvailable();
        Delivery delivery = sender != null ? new SmtpDelivery(sender) : new FolderDelivery(settings.outboxDir());
        log.info("Mail goes to {}", delivery.describe());
        return new MailDispatcher(outbox, delivery, settings, clock);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Runnable dispatch = () -> dispatcher.getObject().dispatch();
        registrar.addFixedDelayTask(() -> locking.executeWithLock(dispatch,
                new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(2), Duration.ZERO)),
                settings.dispatchInterval());
    }
}
