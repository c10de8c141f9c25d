package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@NewsdeskTest
class SchemaHistoryTest {

    @Autowired Flyway flyway;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        recordMailChecksum(SchemaHistory.MAIL);
    }

    @Test
    void acceptsADatabaseMadeWhenTheMailMigrationStillCreatedTheLockTable() {
        recordMailChecksum(SchemaHistory.MAIL_WITH_LOCKS);

        new SchemaHistory().migration().migrate(flyway);

        assertThat(mailChecksum()).isEqualTo(SchemaHistory.MAIL);
    }

    @Test
    void stillRefusesAMigrationChangedInAnyOtherWay() {
        recordMailChecksum(12345);

        assertThatThrownBy(() -> new SchemaHistory().migration().migrate(flyway))
                .isInstanceOf(FlywayValidateException.class);
    }

    private void recordMailChecksum(int checksum) {
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '3'", checksum);
    }

    private int mailChecksum() {
        return jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '3'", Integer.class);
    }
}
