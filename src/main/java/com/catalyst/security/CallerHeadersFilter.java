package com.catalyst.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: the routes learn who called from {@value #CALLER}, which only this filter sets. Every other
 * {@code X-Catalyst-*} header (a change source, a cycle id) is honoured only from another bundle (a service token);
 * from anyone else it is dropped, so nobody outside can claim to be the MCP gateway or a cycle.
 */
final class CallerHeadersFilter extends OncePerRequestFilter {

    static final String CALLER = "X-Catalyst-Caller";
    private static final String PREFIX = "x-catalyst-";

    private final SecurityPolicy policy;

    CallerHeadersFilter(SecurityPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CallerRequest(request, caller()), response);
    }

    /** trader, service:&lt;bundles&gt;, operator, scraper; "local" on an open loopback; "anonymous" otherwise. */
    private String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken) && auth.getPrincipal() instanceof String name) {
            return name;
        }
        return policy.traderAreaOpen() ? "local" : "anonymous";
    }

    private static final class CallerRequest extends HttpServletRequestWrapper {

        private final String caller;
        private final boolean fromBundle;

        CallerRequest(HttpServletRequest request, String caller) {
            super(request);
            this.caller = caller;
            this.fromBundle = caller.startsWith("service:");
        }

        private boolean hidden(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals(CALLER.toLowerCase(Locale.ROOT)) || !fromBundle && lower.startsWith(PREFIX);
        }

        @Override
        public String getHeader(String name) {
            if (CALLER.equalsIgnoreCase(name)) {
                return caller;
            }
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (CALLER.equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(caller));
            }
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).collect(java.util.stream.Collectors.toList());
            names.add(CALLER);
            return Collections.enumeration(names);
        }
    }
}
