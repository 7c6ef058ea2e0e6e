package com.catalyst.gateway;

import java.time.Duration;

import com.catalyst.gateway.GatewayConfiguration.GatewayFeatures;
import com.catalyst.gateway.security.McpHttpGuard;
import com.catalyst.gateway.security.RateLimiter;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MCP over Streamable HTTP at {@code /mcp} on the main port: the SDK's servlet behind {@link McpHttpGuard}, which checks
 * Origin and the rate limit first; Spring Security checks the key before both (docs/security.md). A client that accepts
 * JSON gets each answer as one JSON body, not an SSE stream, unless the answer carries notifications first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${catalyst.bundle.orchestration.enabled:false} and '${catalyst.gateway.transport:http}' == 'http'")
public class HttpTransportConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransportConfiguration.class);

    @Bean
    DefaultServerTransportSecurityValidator gatewayOriginValidator(GatewayProperties props) {
        return DefaultServerTransportSecurityValidator.builder().allowedOrigins(props.allowedOrigins()).build();
    }

    @Bean
    HttpServletStreamableServerTransportProvider gatewayHttpTransport(McpJsonMapper mapper, DefaultServerTransportSecurityValidator origins) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint("/mcp")
                .securityValidator(origins)
                .keepAliveInterval(Duration.ofSeconds(30))
                .build();
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer gatewayHttpServer(HttpServletStreamableServerTransportProvider transport, GatewayFeatures features, McpJsonMapper mapper) {
        McpServer.StreamableSyncSpecification spec = McpServer.sync(transport);
        features.applyTo(spec, mapper);
        return spec.build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> gatewayServlet(HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration = new ServletRegistrationBean<>(transport, "/mcp");
        registration.setName("mcp-gateway");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    RateLimiter gatewayRateLimiter(GatewayProperties props) {
        return new RateLimiter(props.rateLimit().requestsPerMinute(), props.rateLimit().burst(), System::nanoTime);
    }

    @Bean
    FilterRegistrationBean<McpHttpGuard> gatewayGuard(GatewayProperties props, DefaultServerTransportSecurityValidator origins,
                                                      RateLimiter limiter, McpJsonMapper mapper) {
        // the key is Spring Security's to check, with every other credential (com.catalyst.security.WebSecurityConfiguration)
        FilterRegistrationBean<McpHttpGuard> registration =
                new FilterRegistrationBean<>(new McpHttpGuard(origins, limiter, props.maxRequestBytes(), mapper));
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setAsyncSupported(true);
        // after Spring Security's chain (order -100): the key is checked before the rate limit counts the call
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setName("mcp-gateway-guard");
        LOG.info("MCP gateway at /mcp (Streamable HTTP): key {}, rate limit {}/min burst {}, origins {}",
                props.hasApiKey() ? "required" : "not required (loopback only)", props.rateLimit().requestsPerMinute(), props.rateLimit().burst(),
                props.allowedOrigins());
        return registration;
    }
}
