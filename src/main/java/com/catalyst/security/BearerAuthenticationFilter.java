package com.catalyst.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer …}: the trader's key ({@link Caller#TRADER}), the scrape token
 * ({@link Caller#SCRAPER}) or a service token for exactly this call ({@link Caller#SERVICE}, with one
 * {@code CALLER_<bundle>} authority per bundle of the calling process). A bearer value that is none of them is a 401
 * at once. Without a bearer header the chain goes on (Basic for the operator, or anonymous).
 */
final class BearerAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticationFilter.class);

    private final SecurityPolicy policy;
    private final ServiceTokens tokens;

    BearerAuthenticationFilter(SecurityPolicy policy, ServiceTokens tokens) {
        this.policy = policy;
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        List<GrantedAuthority> authorities = new ArrayList<>();
        String principal;
        if (policy.traderKey().enabled() && policy.traderKey().accepts(header)) {
            principal = Caller.TRADER.name;
            authorities.add(Caller.TRADER.authority());
        } else if (policy.metricsToken().enabled() && policy.metricsToken().accepts(header)) {
            principal = Caller.SCRAPER.name;
            authorities.add(Caller.SCRAPER.authority());
        } else if (tokens.enabled() && token.chars().filter(c -> c == '.').count() == 2) {
            Set<String> bundles;
            try {
                bundles = tokens.verify(token, request.getMethod(), SecurityResponses.path(request));
            } catch (ServiceTokens.InvalidServiceTokenException e) {
                refuse(request, response, e.getMessage());
                return;
            }
            principal = Caller.SERVICE.name + ":" + String.join(",", bundles);
            authorities.add(Caller.SERVICE.authority());
            bundles.forEach(b -> authorities.add(new SimpleGrantedAuthority(Caller.bundleAuthority(b))));
        } else {
            refuse(request, response, "Invalid bearer credential");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        LOG.warn("Refused {} {} from {}: {}", request.getMethod(), SecurityResponses.path(request), request.getRemoteAddr(), why);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"catalyst\", error=\"invalid_token\"");
        SecurityResponses.write(request, response, 401, why);
    }

    /** The kinds of caller the rules tell apart. */
    enum Caller {
        TRADER("trader"), SCRAPER("scraper"), SERVICE("service"), OPERATOR("operator");

        final String name;

        Caller(String name) {
            this.name = name;
        }

        String role() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }

        GrantedAuthority authority() {
            return new SimpleGrantedAuthority("ROLE_" + role());
        }

        static String bundleAuthority(String bundle) {
            return "CALLER_" + bundle.trim();
        }
    }
}
