package com.catalyst.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * Who may do what in this process, decided once at start-up from the bind address and the credentials configured:
 * the trader's key, the operator's login, the scrape token. Each credential, when set, is required; where one is not
 * set, its area is open only on loopback (the trader's own laptop) and closed beyond it. See docs/security.md.
 */
public final class SecurityPolicy {

    static final String OPERATOR_USER = "catalyst.hawtio.user";
    static final String OPERATOR_PASSWORD = "catalyst.hawtio.password";

    private final boolean loopback;
    private final ApiKeyCheck traderKey;
    private final ApiKeyCheck metricsToken;
    private final OperatorCredentials operator;
    private final List<String> allowedOrigins;
    private final String bindAddress;

    SecurityPolicy(String bindAddress, String apiKey, String metricsToken, OperatorCredentials operator, List<String> allowedOrigins) {
        this.bindAddress = bindAddress == null ? "" : bindAddress.trim();
        this.loopback = isLoopback(bindAddress);
        this.traderKey = new ApiKeyCheck(apiKey);
        this.metricsToken = new ApiKeyCheck(metricsToken);
        this.operator = operator;
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    static SecurityPolicy from(Environment env) {
        String user = env.getProperty(OPERATOR_USER);
        String password = env.getProperty(OPERATOR_PASSWORD);
        OperatorCredentials operator = (user == null || user.isBlank()) && (password == null || password.isBlank()) ? null
                : new OperatorCredentials(user, password, "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD");
        List<String> origins = List.of(env.getProperty("catalyst.gateway.allowed-origins", String[].class, new String[0]));
        return new SecurityPolicy(env.getProperty("server.address"), apiKey(env), metricsToken(env), operator, origins);
    }

    static String apiKey(Environment env) {
        String key = env.getProperty("catalyst.gateway.api-key", "");
        return key.isBlank() ? env.getProperty("MCP_API_KEY", "") : key;
    }

    static String metricsToken(Environment env) {
        return env.getProperty("catalyst.security.metrics-token", env.getProperty("CATALYST_METRICS_TOKEN", ""));
    }

    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false; // an empty server.address binds every interface
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Bound to a loopback address: the policy of the trader's own machine. */
    public boolean loopback() {
        return loopback;
    }

    public String bindAddress() {
        return bindAddress;
    }

    ApiKeyCheck traderKey() {
        return traderKey;
    }

    ApiKeyCheck metricsToken() {
        return metricsToken;
    }

    OperatorCredentials operator() {
        return operator;
    }

    List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The trader's API and /mcp need no key: only on loopback without a key. */
    boolean traderAreaOpen() {
        return loopback && !traderKey.enabled();
    }

    /** Hawtio and Jolokia need no login: only on loopback without an operator login. */
    boolean operatorAreaOpen() {
        return loopback && operator == null;
    }

    /** Prometheus needs no token: only on loopback without a scrape token or an operator login. */
    boolean metricsOpen() {
        return loopback && !metricsToken.enabled() && operator == null;
    }
}
