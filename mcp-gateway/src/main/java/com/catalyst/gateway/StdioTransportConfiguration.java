package com.catalyst.gateway;

import com.catalyst.gateway.GatewayConfiguration.GatewayFeatures;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MCP over stdio, for a Claude Desktop entry that launches Catalyst as a local command. {@link StdioModePostProcessor}
 * has already turned the web server off and moved every log line and stray print to stderr; the protocol owns stdout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${catalyst.bundle.orchestration.enabled:false} and '${catalyst.gateway.transport:http}' == 'stdio'")
public class StdioTransportConfiguration {

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer gatewayStdioServer(GatewayFeatures features, McpJsonMapper mapper) {
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, System.in, StdioModePostProcessor.protocolOut());
        McpServer.SingleSessionSyncSpecification spec = McpServer.sync(transport);
        features.applyTo(spec, mapper);
        return spec.build();
    }
}
