package com.catalyst.gateway.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A gateway tool: what the model reads (name, title, description, input and output schema, hints), which bundle
 * serves it, and whether its result carries external text that must be marked untrusted. It runs as the Camel route
 * {@code direct:gateway-tool-<name>}.
 */
public record ToolDefinition(String name, String title, String description, List<ToolArgument> arguments,
                             Map<String, Object> outputSchema, Hints hints, String bundle, boolean untrusted) {

    /** The four MCP annotations; see REFERENCE.md 3.3 for their meaning and defaults. */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        public static final Hints READ = new Hints(true, false, true, false);
        public static final Hints READ_MARKET = new Hints(true, false, true, true);
    }

    public String routeUri() {
        return "direct:gateway-tool-" + name;
    }

    public String routeId() {
        return "gateway-tool-" + name;
    }

    public Map<String, Object> inputSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        arguments.forEach(a -> properties.put(a.name(), a.schema()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        List<String> required = arguments.stream().filter(ToolArgument::required).map(ToolArgument::name).toList();
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    public McpSchema.Tool toMcpTool() {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema())
                .annotations(new McpSchema.ToolAnnotations(title, hints.readOnly(), hints.destructive(), hints.idempotent(), hints.openWorld(), null));
        if (outputSchema != null) {
            tool.outputSchema(outputSchema);
        }
        return tool.build();
    }
}
