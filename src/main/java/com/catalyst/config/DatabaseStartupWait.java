package com.catalyst.config;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Holds start-up until the database answers: Flyway and the routes come up when PostgreSQL arrives, instead of the
 * process dying because the database started second. Gives up after {@code catalyst.database.startup-wait}.
 */
public class DatabaseStartupWait implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartupWait.class);

    private final Environment env;

    public DatabaseStartupWait(Environment env) {
        this.env = env;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            await(dataSource);
        }
        return bean;
    }

    private void await(DataSource dataSource) {
        Duration limit = env.getProperty("catalyst.database.startup-wait", Duration.class, Duration.ofMinutes(5));
        Duration pause = env.getProperty("catalyst.database.startup-retry", Duration.class, Duration.ofSeconds(2));
        Instant deadline = Instant.now().plus(limit);
        int attempt = 0;
        while (true) {
            attempt++;
            try (Connection ignored = dataSource.getConnection()) {
                if (attempt > 1) {
                    LOG.info("Database reachable after {} attempts; starting", attempt);
                }
                return;
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The database was not reachable within catalyst.database.startup-wait=" + limit
                            + " (" + rootMessage(e) + "); check DATABASE_URL", e);
                }
                LOG.warn("Database not reachable yet (attempt {}: {}); retrying in {} ms", attempt, rootMessage(e), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", interrupted);
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
