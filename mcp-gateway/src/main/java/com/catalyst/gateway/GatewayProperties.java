package com.catalyst.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP gateway's settings ({@code catalyst.gateway.*}). The API key comes from the environment
 * ({@code CATALYST_API_KEY}) and is never logged; see docs/mcp-gateway.md for every key.
 *
 * @param transport       {@code http} (Streamable HTTP at {@code /mcp} on the main port) or {@code stdio}
 * @param apiKey          the bearer key every HTTP request must carry; empty means open (loopback only)
 * @param allowedOrigins  browser origins allowed to call /mcp; {@code :*} matches any port
 * @param rateLimit       requests a minute and burst per key (a token bucket)
 * @param maxRequestBytes the largest JSON-RPC body accepted
 */
@ConfigurationProperties(prefix = "catalyst.gateway")
public record GatewayProperties(
        @DefaultValue("http") String transport,
        @DefaultValue("") String apiKey,
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "https://localhost:*", "https://127.0.0.1:*"}) List<String> allowedOrigins,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("1048576") int maxRequestBytes) {

    public boolean stdio() {
        return "stdio".equalsIgnoreCase(transport);
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Never print the key, even by accident through a record's toString. */
    @Override
    public String toString() {
        return "GatewayProperties[transport=" + transport + ", apiKey=" + (hasApiKey() ? "<set>" : "<none>")
                + ", allowedOrigins=" + allowedOrigins + ", rateLimit=" + rateLimit + ", maxRequestBytes=" + maxRequestBytes + "]";
    }

    /** @param requestsPerMinute sustained rate per key; @param burst requests allowed at once above it */
    public record RateLimit(@DefaultValue("100") int requestsPerMinute, @DefaultValue("20") int burst) {
    }
}
