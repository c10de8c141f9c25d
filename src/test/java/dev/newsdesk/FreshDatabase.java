package dev.newsdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty database of its own, for a test that starts portals itself and must see a first start: an in-memory
 * H2 database, or, when {@code SPRING_DATASOURCE_URL} names a PostgreSQL server, a new database on that server,
 * dropped on {@link #close()}.
 */
public final class FreshDatabase implements AutoCloseable {

    private static final Pattern POSTGRES = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final String url;
    private final String username;
    private final String password;
    private final String adminUrl;
    private final String name;

    private FreshDatabase(String url, String username, String password, String adminUrl, String name) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    public static FreshDatabase create() {
        String name = "nd_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String configured = System.getenv("SPRING_DATASOURCE_URL");
        if (configured == null || !configured.startsWith("jdbc:postgresql:")) {
            return new FreshDatabase("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null, name);
        }
        Matcher parts = POSTGRES.matcher(configured);
        if (!parts.matches()) {
            throw new IllegalStateException("Cannot tell the database in " + configured);
        }
        String username = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        FreshDatabase database = new FreshDatabase(parts.group(1) + name + parts.group(3), username, password,
                configured, name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    public boolean isPostgres() {
        return adminUrl != null;
    }

    /** Command-line arguments, which win over the test profile's and the environment's database settings. */
    public List<String> arguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password);
    }

    @Override
    public void close() {
        if (isPostgres()) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else {
            try (Connection connection = DriverManager.getConnection(url, username, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
