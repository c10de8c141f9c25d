package dev.newsdesk.chore;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChoreSettings.class)
class ChoreConfiguration {

    @Bean
    Chores chores(ObjectProvider<Chore> chores, ChoreSettings settings, Clock clock) {
        return new Chores(chores.orderedStream().toList(), settings, clock);
    }

    /** The health of every chore, one component each under {@code chores}. */
    @Bean
    CompositeHealthContributor choresHealthContributor(Chores chores, ChoreSettings settings, Clock clock) {
        return CompositeHealthContributor.fromMap(chores.runners(), runner -> new ChoreHealth(runner, settings, clock));
    }
}
