package com.catalyst.security;

import java.io.IOException;
import java.util.Map;


import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In split mode, answers 401 to a call of an internal bundle operation ({@code POST /api/v1/<bundle>/<op>} of the
 * bundles this process runs) that lacks a valid service token. Every other path (the trader's read APIs, /health,
 * actuator) passes untouched.
 */
class ServiceTokenFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTokenFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceTokens tokens;
    /** path → the bundle that serves it, for the internal operations of the bundles this process runs */
    private final Map<String, String> operations;

    ServiceTokenFilter(ServiceTokens tokens, Map<String, String> operations) {
        this.tokens = tokens;
        this.operations = Map.copyOf(operations);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !operations.containsKey(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bundle = operations.get(path(request));
        String rejection = tokens.rejection(request.getHeader("Authorization"), bundle);
        if (rejection == null) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn("Refused {} {} from {}: {}", request.getMethod(), path(request), request.getRemoteAddr(), rejection);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"catalyst-internal\"");
        response.setContentType("application/json");
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", rejection)));
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

}
