package dev.newsdesk;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@EnableScheduling
@SpringBootApplication
public class NewsdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsdeskApplication.class, args);
    }

    /** The time every module reads, so that tests can set it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
