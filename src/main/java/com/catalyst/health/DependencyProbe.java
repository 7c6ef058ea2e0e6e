package com.catalyst.health;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Knows, without blocking a request, whether PostgreSQL and Redis answer: it pings both on a schedule and routes
 * report failures they meet. Says once when Redis goes (degraded mode) and once when it is back.
 */
@Component
public class DependencyProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyProbe.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<RedisConnectionFactory> redis;
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicBoolean redisUp = new AtomicBoolean(false);
    private final AtomicBoolean redisKnown = new AtomicBoolean(false);
    private final AtomicReference<String> schemaVersion = new AtomicReference<>("unknown");

    public DependencyProbe(JdbcTemplate jdbc, ObjectProvider<RedisConnectionFactory> redis) {
        this.jdbc = jdbc;
        this.redis = redis;
        probe();
    }

    @Scheduled(fixedDelayString = "${catalyst.health.probe-interval-ms:3000}", initialDelayString = "${catalyst.health.probe-interval-ms:3000}")
    public void probe() {
        probeDatabase();
        probeRedis();
    }

    private void probeDatabase() {
        try {
            String version = jdbc.queryForObject(
                    // versions are text: compared as numbers part by part ("12" after "9", "1.10" after "1.9")
                    "select coalesce((select version from flyway_schema_history where success and version is not null"
                            + " order by string_to_array(version, '.')::int[] desc limit 1), '0')", String.class);
            schemaVersion.set("5.0 (migration " + version + ")");
            if (databaseUp.compareAndSet(false, true)) {
                LOG.info("Database is reachable again");
            }
        } catch (Exception e) {
            if (databaseUp.compareAndSet(true, false)) {
                LOG.error("Database unreachable: cycles cannot record and will fail until it returns ({})", e.getClass().getSimpleName());
            }
        }
    }

    private void probeRedis() {
        RedisConnectionFactory factory = redis.getIfAvailable();
        boolean up;
        try (RedisConnection connection = factory == null ? null : factory.getConnection()) {
            up = connection != null && "PONG".equalsIgnoreCase(connection.ping());
        } catch (Exception e) {
            up = false;
        }
        setRedis(up);
    }

    /** Routes call this when a Redis command fails, so the next cycle skips Redis at once instead of timing out. */
    public void redisFailed(Exception cause) {
        setRedis(false);
    }

    private void setRedis(boolean up) {
        boolean first = redisKnown.compareAndSet(false, true);
        boolean before = redisUp.getAndSet(up);
        if (first && !up) {
            LOG.warn("Redis is not reachable: running in degraded mode (no cache, cycle state or position updates in Redis); trading goes on");
        } else if (!first && before && !up) {
            LOG.warn("Redis went away: degraded mode; trading goes on");
        } else if (!first && !before && up) {
            LOG.info("Redis is back: cache, cycle state and position updates resume");
        }
    }

    public boolean isDatabaseUp() {
        return databaseUp.get();
    }

    public boolean isRedisUp() {
        return redisUp.get();
    }

    public String schemaVersion() {
        return schemaVersion.get();
    }
}
