package dev.newsdesk;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the database connections taken by threads that serve HTTP requests, and keeps the statements they
 * prepare, so that a test can show that a page was answered without a database round trip, or that two
 * requests did the same work.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseProbe {

    private final AtomicInteger fromRequests = new AtomicInteger();
    private final List<String> statements = new CopyOnWriteArrayList<>();

    /** Connections taken on request threads since the last {@link #reset()}. */
    public int connectionsFromRequests() {
        return fromRequests.get();
    }

    /** The SQL of the statements prepared on request threads since the last {@link #reset()}, in order. */
    public List<String> statementsFromRequests() {
        return new ArrayList<>(statements);
    }

    public void reset() {
        fromRequests.set(0);
        statements.clear();
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("equals")) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                            && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Bean
    static BeanPostProcessor countingDataSource(DatabaseProbe probe) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource)) {
                    return bean;
                }
                return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                        (proxy, method, args) -> {
                            boolean request = Thread.currentThread().getName().startsWith("http-nio-");
                            if (method.getName().equals("getConnection") && request) {
                                probe.fromRequests.incrementAndGet();
                            }
                            try {
                                Object result = method.invoke(dataSource, args);
                                return request && result instanceof Connection connection ? probe.recording(connection) : result;
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
