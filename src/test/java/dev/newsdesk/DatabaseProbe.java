package dev.newsdesk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Watches the application's database access: counts the connections taken and records the statements run by
 * threads that serve HTTP requests, so that a test can show that a page was answered without a database round
 * trip; and holds up the statements of other threads on chosen tables, as a database stuck on a lock would.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseProbe {

    private final AtomicInteger fromRequests = new AtomicInteger();
    private final List<String> statementsFromRequests = new CopyOnWriteArrayList<>();
    private volatile Stall stall;

    /** Connections taken on request threads since the last {@link #reset()}. */
    public int connectionsFromRequests() {
        return fromRequests.get();
    }

    /** The SQL of the statements run on request threads since the last {@link #reset()}. */
    public List<String> statementsFromRequests() {
        return List.copyOf(statementsFromRequests);
    }

    public void reset() {
        fromRequests.set(0);
        statementsFromRequests.clear();
    }

    /**
     * Holds up every statement on a table named with one of {@code prefixes} that a thread other than the
     * caller's starts, until the stall is closed (or the waiting thread is interrupted).
     */
    public Stall stall(String... prefixes) {
        Stall started = new Stall(Thread.currentThread(), List.of(prefixes));
        stall = started;
        return started;
    }

    /** Statements held up by {@link #stall(String...)}; closing it lets them run. */
    public final class Stall implements AutoCloseable {

        private final Thread owner;
        private final List<String> prefixes;
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<String> held = new CopyOnWriteArrayList<>();

        private Stall(Thread owner, List<String> prefixes) {
            this.owner = owner;
            this.prefixes = prefixes;
        }

        /** Whether a statement containing {@code fragment} (in lower case) is being held up, or was. */
        public boolean holds(String fragment) {
            return held.stream().anyMatch(sql -> sql.contains(fragment));
        }

        private void await(String sql) throws SQLException {
            String lower = sql.toLowerCase(Locale.ROOT);
            if (Thread.currentThread() == owner || prefixes.stream().noneMatch(lower::contains)) {
                return;
            }
            held.add(lower);
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while the test held the database up", e);
            }
        }

        @Override
        public void close() {
            stall = null;
            released.countDown();
        }
    }

    private void starting(String sql) throws SQLException {
        if (onRequestThread()) {
            statementsFromRequests.add(sql);
        }
        Stall current = stall;
        if (current != null) {
            current.await(sql);
        }
    }

    private static boolean onRequestThread() {
        return Thread.currentThread().getName().startsWith("http-nio-");
    }

    @Bean
    static BeanPostProcessor watchedDataSource(DatabaseProbe probe) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource)) {
                    return bean;
                }
                return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                        (proxy, method, args) -> {
                            Object result = invoke(dataSource, method, args);
                            if (method.getName().equals("getConnection")) {
                                if (onRequestThread()) {
                                    probe.fromRequests.incrementAndGet();
                                }
                                return probe.watch((Connection) result);
                            }
                            return result;
                        });
            }
        };
    }

    private Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("equals") || name.equals("hashCode")) {
                        return name.equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
                    }
                    if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
                        starting(sql);
                    }
                    Object result = invoke(connection, method, args);
                    return name.equals("createStatement") ? watch((Statement) result) : result;
                });
    }

    private Statement watch(Statement statement) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
                            && args != null && args.length > 0 && args[0] instanceof String sql) {
                        starting(sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
