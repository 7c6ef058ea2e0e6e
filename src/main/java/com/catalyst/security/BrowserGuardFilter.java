package com.catalyst.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.catalyst.routing.RequestBodyGuard;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a browser page on another site must never do, checked before any credential: a request whose {@code Origin} is
 * neither allowed nor this server's own gets 403 (this refuses CORS preflights too, and no CORS header is ever sent);
 * a write with a body to the API or /mcp must be JSON (415), which no HTML form or "simple" cross-site request can
 * send; and on loopback without a key, a {@code Host} other than a loopback name gets 403 (DNS rebinding).
 */
final class BrowserGuardFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserGuardFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> allowedOrigins;
    private final boolean checkHost;
    private final String bindAddress;

    BrowserGuardFilter(SecurityPolicy policy) {
        this.allowedOrigins = policy.allowedOrigins();
        this.checkHost = policy.traderAreaOpen();
        this.bindAddress = policy.bindAddress().toLowerCase(Locale.ROOT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin, request)) {
            LOG.warn("Refused {} {} from Origin {}: not an allowed origin", request.getMethod(), SecurityResponses.path(request), safe(origin));
            SecurityResponses.write(request, response, 403, "Origin not allowed: " + safe(origin)
                    + " is not in catalyst.gateway.allowed-origins (CATALYST_GATEWAY_ALLOWED_ORIGINS)");
            return;
        }
        if (checkHost && !hostAllowed(request.getHeader("Host"))) {
            LOG.warn("Refused {} {} for Host {}: not a loopback name", request.getMethod(), SecurityResponses.path(request), safe(String.valueOf(request.getHeader("Host"))));
            SecurityResponses.write(request, response, 403, "Host not allowed: without CATALYST_API_KEY Catalyst answers only to a loopback name");
            return;
        }
        String path = SecurityResponses.path(request);
        if (WRITES.contains(request.getMethod()) && hasBody(request) && (path.startsWith("/api/") || path.startsWith("/mcp"))
                && !RequestBodyGuard.json(request.getContentType())) {
            SecurityResponses.write(request, response, 415, "Send the body as JSON (Content-Type: application/json)");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean originAllowed(String origin, HttpServletRequest request) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        if ("null".equals(lower)) {
            return false;
        }
        if (lower.equals(ownOrigin(request))) {
            return true;
        }
        for (String allowed : allowedOrigins) {
            String pattern = allowed.trim().toLowerCase(Locale.ROOT);
            if (pattern.equals(lower)) {
                return true;
            }
            // "http://localhost:*": that scheme and host with any port, or none
            if (pattern.endsWith(":*")) {
                String prefix = pattern.substring(0, pattern.length() - 2);
                if (lower.equals(prefix) || lower.startsWith(prefix + ":") && lower.substring(prefix.length() + 1).chars().allMatch(Character::isDigit)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? null : (request.getScheme() + "://" + host).toLowerCase(Locale.ROOT);
    }

    private boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true; // HTTP/1.0 without Host: not a browser
        }
        String host;
        try {
            host = URI.create("http://" + hostHeader.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_HOSTS.contains(host) || host.startsWith("127.") && host.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                || host.equals(bindAddress);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String safe(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
