package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default database, as application.properties configures it. */
class EmbeddedDatabaseTest {

    /**
     * Background work that overruns its time is interrupted (and so are the feed workers at shutdown); a plain
     * H2 file closes its channel when the thread writing to it is interrupted, and the database breaks for all.
     */
    @Test
    void keepsWorkingWhenAThreadWritingToItIsInterrupted(@TempDir Path dataDir) throws Exception {
        String url = defaultUrl().replace("${newsdesk.data-dir}", dataDir.toString());
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            execute(connection, "CREATE TABLE note (id int PRIMARY KEY, text varchar(100))");
            AtomicReference<SQLException> failure = new AtomicReference<>();

            Thread writer = Thread.ofPlatform().start(() -> {
                try (Connection own = DriverManager.getConnection(url, "sa", "")) {
                    Thread.currentThread().interrupt();
                    // Large enough that the writing thread itself stores pages to the file.
                    execute(own, "INSERT INTO note SELECT n, repeat('x', 90) FROM system_range(1, 100000) AS r (n)");
                } catch (SQLException e) {
                    failure.set(e);
                }
            });
            writer.join();
            execute(connection, "INSERT INTO note VALUES (0, 'after the interruption')");

            // The interrupted statement itself may fail, when H2 happens to wait inside it (a sleep that the
            // interrupt ends); what must hold is that it fails whole and the database goes on working for all.
            int written = failure.get() == null ? 100_000 : 0;
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM note")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(written + 1);
            }
            try (Connection later = DriverManager.getConnection(url, "sa", "")) {
                execute(later, "INSERT INTO note VALUES (-1, 'a new connection after the interruption')");
            }
        }
    }

    private static String defaultUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
