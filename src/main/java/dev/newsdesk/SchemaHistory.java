package dev.newsdesk;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrates the schema, keeping databases made before the lock table moved out of the mail migration (V3)
 * into its own (V6) valid: their history still holds V3's checksum from before the move, which Flyway would
 * refuse. Only that one known checksum is replaced, and only on version 3; anything else still fails validation.
 */
@Configuration(proxyBeanMethods = false)
class SchemaHistory {

    private static final Logger log = LoggerFactory.getLogger(SchemaHistory.class);

    /** V3__mail.sql as it was when it also created the shedlock table. */
    static final int MAIL_WITH_LOCKS = -1772985896;
    /** V3__mail.sql as it is now. */
    static final int MAIL = 829620626;

    @Bean
    FlywayMigrationStrategy migration() {
        return flyway -> {
            acceptMovedLocks(flyway);
            flyway.migrate();
        };
    }

    static void acceptMovedLocks(Flyway flyway) {
        boolean recordedBeforeTheMove = Arrays.stream(flyway.info().applied())
                .anyMatch(migration -> migration.getVersion() != null && migration.getVersion().getVersion().equals("3")
                        && Integer.valueOf(MAIL_WITH_LOCKS).equals(migration.getChecksum()));
        if (recordedBeforeTheMove) {
            new JdbcTemplate(flyway.getConfiguration().getDataSource()).update("UPDATE "
                    + flyway.getConfiguration().getTable() + " SET checksum = ? WHERE version = '3' AND checksum = ?",
                    MAIL, MAIL_WITH_LOCKS);
            log.info("Schema history: V3 recorded with its checksum from after the lock table moved to V6");
        }
    }
}
