package dev.newsdesk;

import java.time.Clock;
import java.util.Arrays;

import dev.newsdesk.ingest.IngestCommand;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@EnableScheduling
@SpringBootApplication
// Every module may run chores, so a module test always brings the chore module along.
@Modulithic(sharedModules = "chore")
public class NewsdeskApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ingest")) {
            System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(NewsdeskApplication.class, args);
    }

    /** Jobs that must run on one node at a time (a feed's refresh) lock through the database. */
    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }

    /** The time every module reads, so that tests can set it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
