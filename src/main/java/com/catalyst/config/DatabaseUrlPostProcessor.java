package com.catalyst.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the deployment design's connection strings: {@code DATABASE_URL=postgresql://user:password@host:port/db?sslmode=…}
 * and {@code REDIS_URL=redis://host:port/db}. The usual Spring properties still work; an explicit
 * {@code spring.datasource.url} wins. With neither, {@link EmbeddedDatabaseInitializer} starts the embedded server.
 */
public class DatabaseUrlPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String databaseUrl = env.getProperty("DATABASE_URL", env.getProperty("catalyst.database.url", ""));
        if (!env.containsProperty("spring.datasource.url") && !databaseUrl.isBlank()) {
            props.putAll(jdbcProperties(databaseUrl));
        }
        String redisUrl = env.getProperty("REDIS_URL", "");
        if (!redisUrl.isBlank() && !env.containsProperty("spring.data.redis.url")) {
            validateRedisUrl(redisUrl);
            props.put("spring.data.redis.url", redisUrl);
        }
        if (!props.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("catalystConnections", props));
        }
    }

    /** postgresql://user:password@host:port/db?params → Spring datasource properties. */
    static Map<String, String> jdbcProperties(String databaseUrl) {
        URI uri;
        try {
            uri = URI.create(databaseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL (expected postgresql://user:password@host:port/db?sslmode=…)");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// (got scheme '" + scheme + "')");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL needs a host and a database name: postgresql://user:password@host:port/db");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> props = new HashMap<>();
        props.put("spring.datasource.url", jdbc);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            props.put("spring.datasource.username", URLDecoder.decode(user, StandardCharsets.UTF_8));
            if (colon >= 0) {
                props.put("spring.datasource.password", URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
            }
        }
        return props;
    }

    static void validateRedisUrl(String redisUrl) {
        try {
            URI uri = URI.create(redisUrl.trim());
            if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:port/db (got a value that does not)");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
