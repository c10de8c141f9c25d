package dev.newsdesk;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the database connections taken by threads that serve HTTP requests, so that a test can
 * show that a page was answered without a database round trip.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseProbe {

    private final AtomicInteger fromRequests = new AtomicInteger();

    /** Connections taken on request threads since the last {@link #reset()}. */
    public int connectionsFromRequests() {
        return fromRequests.get();
    }

    public void reset() {
        fromRequests.set(0);
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
                            if (method.getName().equals("getConnection")
                                    && Thread.currentThread().getName().startsWith("http-nio-")) {
                                probe.fromRequests.incrementAndGet();
                            }
                            try {
                                return method.invoke(dataSource, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
