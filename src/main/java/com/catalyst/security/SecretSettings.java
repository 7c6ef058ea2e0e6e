package com.catalyst.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Checks the secrets before anything starts: a placeholder (compose/.env.example's {@code change-me-…} and the like)
 * or a key shorter than {@link #MIN_KEY_LENGTH} characters stops start-up, naming the setting and never its value; so
 * does a process that would listen beyond loopback without the trader's key (docs/security.md).
 */
public class SecretSettings implements EnvironmentPostProcessor, Ordered {

    public static final int MIN_KEY_LENGTH = 32;
    /** Words that mark a value copied from an example rather than generated. */
    private static final List<String> PLACEHOLDER_MARKS = List.of("change-me", "changeme", "change_me", "replace-me", "replace_me",
            "placeholder", "your-key", "your_key", "your-secret", "<", ">", "example", "xxxxxxxx");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Catalyst refuses to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        key(problems, "CATALYST_API_KEY (or MCP_API_KEY)", SecurityPolicy.apiKey(env));
        key(problems, "CATALYST_SERVICE_TOKEN_SECRET", env.getProperty("CATALYST_SERVICE_TOKEN_SECRET", env.getProperty("catalyst.service-token.secret", "")));
        key(problems, "CATALYST_METRICS_TOKEN", SecurityPolicy.metricsToken(env));
        String operator = env.getProperty(SecurityPolicy.OPERATOR_USER, "");
        String password = env.getProperty(SecurityPolicy.OPERATOR_PASSWORD, "");
        if (!operator.isBlank() || !password.isBlank()) {
            try {
                new OperatorCredentials(operator, password, "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        notPlaceholder(problems, "CATALYST_HAWTIO_PASSWORD", password);
        notPlaceholder(problems, "ALPACA_API_KEY", env.getProperty("ALPACA_API_KEY"));
        notPlaceholder(problems, "ALPACA_SECRET_KEY", env.getProperty("ALPACA_SECRET_KEY"));
        notPlaceholder(problems, "the password in DATABASE_URL", databasePassword(env.getProperty("DATABASE_URL")));
        if (webServer(env) && !SecurityPolicy.isLoopback(env.getProperty("server.address")) && SecurityPolicy.apiKey(env).isBlank()) {
            String address = env.getProperty("server.address", "");
            problems.add("it would listen on '" + (address.isBlank() ? "all interfaces" : address)
                    + "' (CATALYST_BIND_ADDRESS) without the trader's key: set CATALYST_API_KEY (openssl rand -hex 32) or bind to 127.0.0.1");
        }
        return problems;
    }

    private static void key(List<String> problems, String setting, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (isPlaceholder(value)) {
            problems.add(setting + " holds a placeholder: generate one with `openssl rand -hex 32`");
        } else if (value.trim().length() < MIN_KEY_LENGTH) {
            problems.add(setting + " is too short: at least " + MIN_KEY_LENGTH + " characters (openssl rand -hex 32)");
        }
    }

    private static void notPlaceholder(List<String> problems, String setting, String value) {
        if (value != null && !value.isBlank() && isPlaceholder(value)) {
            problems.add(setting + " holds a placeholder: set the real value");
        }
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return PLACEHOLDER_MARKS.stream().anyMatch(lower::contains);
    }

    private static String databasePassword(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String userInfo = URI.create(url.trim()).getUserInfo();
            return userInfo == null || !userInfo.contains(":") ? null : userInfo.substring(userInfo.indexOf(':') + 1);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static boolean webServer(Environment env) {
        return !"none".equalsIgnoreCase(env.getProperty("spring.main.web-application-type", ""));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
