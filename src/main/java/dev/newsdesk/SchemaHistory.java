package dev.newsdesk;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
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
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String table = flyway.getConfiguration().getTable();
        try {
            int updated = new JdbcTemplate(dataSource).update("UPDATE " + table + " SET checksum = ? "
                    + "WHERE version = '3' AND checksum = ?", MAIL, MAIL_WITH_LOCKS);
            if (updated > 0) {
                log.info("Schema history: V3 recorded with its checksum from after the lock table moved to V6");
            }
        } catch (DataAccessException noHistoryYet) {
            // A new database: Flyway creates the history as it migrates.
        }
    }
}
