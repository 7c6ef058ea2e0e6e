package com.catalyst.security;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.catalyst.config.Bundle;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one authentication model of every HTTP entry of every process (docs/security.md), on Spring Security:
 * <ul>
 *   <li>{@code GET /health}: anyone (detail only to a credential, see HealthReporter);</li>
 *   <li>{@code /api/v1/**} and {@code /mcp}: the trader's bearer key, or a service token for exactly that call;</li>
 *   <li>{@code POST /api/v1/trading/execute} and {@code /manage}: only a service token from the workflow or the gateway
 *       (in one JVM they are called in-process and never over HTTP): never the trader's key;</li>
 *   <li>Hawtio and Jolokia: the operator's login (HTTP Basic); Prometheus: the scrape token or the operator;
 *       the rest of the actuator: the operator or the trader;</li>
 *   <li>anything else: some credential.</li>
 * </ul>
 * An area whose credential is not configured is open on loopback and closed beyond it; start-up refuses to listen
 * beyond loopback without the trader's key (SecretSettings). The firewall (StrictHttpFirewall) rejects {@code ;},
 * encoded slashes and dots, {@code //} and {@code ..} before any rule is read, and the rules match decoded paths.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final String OPERATOR_REALM = "catalyst-operator";

    @Bean
    SecurityPolicy securityPolicy(Environment env) {
        SecurityPolicy policy = SecurityPolicy.from(env);
        LOG.info("HTTP security: bound to {} ({}); trader's key {}; operator login {}; scrape token {}",
                policy.bindAddress().isBlank() ? "all interfaces" : policy.bindAddress(), policy.loopback() ? "loopback" : "beyond loopback",
                policy.traderKey().enabled() ? "required" : "not set (open on loopback)",
                policy.operator() != null ? "required for '" + policy.operator().user() + "'" : policy.loopback() ? "not set (open on loopback)" : "not set (Hawtio and Jolokia closed)",
                policy.metricsToken().enabled() ? "required" : "not set");
        if (policy.traderAreaOpen()) {
            LOG.warn("No CATALYST_API_KEY: the API and /mcp answer without a key, on loopback only; pages on other origins are refused");
        }
        return policy;
    }

    /**
     * No observation per security filter: Spring Security would otherwise time each of the chain's fifteen filters on
     * every request (a timer and its context each), which nothing here reads. Every request is still timed once, as
     * {@code http.server.requests}. Measured: about a sixth of the CPU of an MCP call (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's chain without the per-request handler lookup it never uses here (PlainSecurityFilterChain). */
    @Bean
    static BeanFactoryPostProcessor plainSecurityFilterChain() {
        return new PlainSecurityFilterChain();
    }

    @Bean
    SecurityFilterChain catalystSecurity(HttpSecurity http, SecurityPolicy policy, ServiceTokens tokens) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> unauthorized(request, response);
        http.csrf(AbstractHttpConfigurer::disable) // no cookies carry the API's credentials; BrowserGuardFilter stops cross-site writes
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(OPERATOR_REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, e) -> SecurityResponses.write(request, response, 403,
                                "Forbidden: this credential does not open " + request.getMethod() + " " + SecurityResponses.path(request))))
                .addFilterBefore(new BrowserGuardFilter(policy), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerAuthenticationFilter(policy, tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new CallerHeadersFilter(policy), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    auth.requestMatchers(match(HttpMethod.GET, "/health")).permitAll();
                    // the order path's internal doors: only another bundle's workflow or gateway, with a token for this call
                    auth.requestMatchers(match(null, "/api/v1/trading/execute/**"), match(null, "/api/v1/trading/manage/**"))
                            .hasAnyAuthority(BearerAuthenticationFilter.Caller.bundleAuthority(Bundle.WORKFLOW.id()),
                                    BearerAuthenticationFilter.Caller.bundleAuthority(Bundle.ORCHESTRATION.id()));
                    open(auth.requestMatchers(match(null, "/api/v1/**")), policy.traderAreaOpen(), "TRADER", "SERVICE");
                    open(auth.requestMatchers(match(null, "/mcp"), match(null, "/mcp/**")), policy.traderAreaOpen(), "TRADER");
                    open(auth.requestMatchers(match(null, "/actuator/hawtio/**"), match(null, "/actuator/jolokia/**")), policy.operatorAreaOpen(), "OPERATOR");
                    open(auth.requestMatchers(match(null, "/actuator/prometheus/**")), policy.metricsOpen(), "SCRAPER", "OPERATOR");
                    open(auth.requestMatchers(match(null, "/actuator/**")), policy.traderAreaOpen() && policy.operatorAreaOpen(),
                            "OPERATOR", "TRADER");
                    if (policy.traderAreaOpen()) {
                        auth.anyRequest().permitAll();
                    } else {
                        auth.anyRequest().authenticated();
                    }
                });
        return http.build();
    }

    private static void open(org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl rule,
                             boolean open, String... roles) {
        if (open) {
            rule.permitAll();
        } else {
            rule.hasAnyRole(roles);
        }
    }

    private static RequestMatcher match(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = SecurityResponses.path(request);
        boolean console = path.startsWith("/actuator/hawtio") || path.startsWith("/actuator/jolokia");
        response.setHeader("WWW-Authenticate", console ? "Basic realm=\"" + OPERATOR_REALM + "\"" : "Bearer realm=\"catalyst\"");
        String header = request.getHeader("Authorization");
        SecurityResponses.write(request, response, 401, header == null
                ? (console ? "The operator's login is required (CATALYST_HAWTIO_USER)" : "Missing credential: send Authorization: Bearer <key>")
                : "Invalid credential");
    }

    /** The operator's login for HTTP Basic: the one user of CATALYST_HAWTIO_USER / CATALYST_HAWTIO_PASSWORD. */
    @Bean
    AuthenticationProvider operatorLogin(SecurityPolicy policy) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OperatorCredentials operator = policy.operator();
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                if (operator == null || password == null || !operator.matches(authentication.getName(), password.toCharArray())) {
                    throw new BadCredentialsException("wrong user name or password");
                }
                return UsernamePasswordAuthenticationToken.authenticated(BearerAuthenticationFilter.Caller.OPERATOR.name, null,
                        List.of(BearerAuthenticationFilter.Caller.OPERATOR.authority()));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    /** Spring Security's strict firewall, named so that nobody loosens it by accident: ; // .. and encoded / . % refused. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> SecurityResponses.write(request, response, 400,
                "Request refused: the path holds ';', '//', '..' or an encoded '/', '.' or '%'");
    }

    /** Every call Camel's HTTP component makes to another bundle carries a fresh service token (ServiceTokenSigner). */
    @Bean
    ComponentCustomizer serviceTokenSigning(ServiceTokens tokens, Environment env) {
        Set<String> authorities = new HashSet<>();
        for (Bundle bundle : Bundle.values()) {
            URI base = URI.create(env.getProperty("catalyst.services." + bundle.id() + ".url", "http://127.0.0.1:" + bundle.seedPort()));
            authorities.add(ServiceTokenSigner.authority(base.getHost(), base.getPort(), base.getScheme()));
        }
        ServiceTokenSigner signer = new ServiceTokenSigner(tokens, authorities);
        return ComponentCustomizer.forType(HttpComponent.class, http -> http.setHttpClientConfigurer(signer));
    }
}
