package com.catalyst.gateway.content;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.catalyst.gateway.tools.ToolCatalog;
import com.catalyst.gateway.tools.ToolDefinition;
import com.catalyst.gateway.tools.ToolInvoker;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

/**
 * The read-only {@code catalyst://} resources. Each reads through a tool's route with fixed arguments, so a resource
 * and its tool always show the same data and the same checks.
 */
public final class GatewayResources {

    private static final Pattern DAILY = Pattern.compile("catalyst://analytics/daily/(.+)");
    private static final Pattern BACKTEST = Pattern.compile("catalyst://backtests/([0-9]{1,9})");
    private static final Pattern SWEEP = Pattern.compile("catalyst://sweeps/([0-9]{1,9})");

    private final ToolCatalog catalog;
    private final ToolInvoker invoker;

    public GatewayResources(ToolCatalog catalog, ToolInvoker invoker) {
        this.catalog = catalog;
        this.invoker = invoker;
    }

    public List<SyncResourceSpecification> resources() {
        return List.of(
                resource("catalyst://system/health", "system-health", "System health",
                        "Status of Catalyst, its database, Redis and bundles.", "get_system_health", Map.of()),
                resource("catalyst://trading-cycle/current", "trading-cycle-current", "Current trading cycle",
                        "Whether trading is started, and the latest cycle with its funnel counts.", "get_cycle_status", Map.of()),
                resource("catalyst://market-scan/latest", "market-scan-latest", "Latest market scan",
                        "The top 20 candidates of the latest cycle's scan.", "scan_market", Map.of("limit", 20)),
                resource("catalyst://portfolio/positions/open", "positions-open", "Open positions",
                        "Every open position with entry, stop, target and unrealized P&L (USD).", "get_positions", Map.of()),
                resource("catalyst://analytics/daily-summary", "daily-summary", "Daily summary",
                        "The latest session's performance report.", "get_daily_report", Map.of()));
    }

    public List<SyncResourceTemplateSpecification> templates() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate("catalyst://analytics/daily/{date}")
                .name("daily-report")
                .title("Daily report of a session")
                .description("The performance report of one session; date as YYYY-MM-DD.")
                .mimeType("application/json")
                .build();
        McpSchema.ResourceTemplate backtest = McpSchema.ResourceTemplate.builder()
                .uriTemplate("catalyst://backtests/{id}")
                .name("backtest")
                .title("A backtest run")
                .description("A backtest run's progress and, once ended, its result (as get_backtest); id is the run_id.")
                .mimeType("application/json")
                .build();
        McpSchema.ResourceTemplate sweep = McpSchema.ResourceTemplate.builder()
                .uriTemplate("catalyst://sweeps/{id}")
                .name("sweep")
                .title("A parameter sweep")
                .description("A parameter sweep's progress and, once ended, its trials, folds, best and statistics (as get_sweep); id is the sweep_id.")
                .mimeType("application/json")
                .build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher m = DAILY.matcher(request.uri());
            if (!m.matches()) {
                throw McpError.RESOURCE_NOT_FOUND.apply(request.uri());
            }
            return read(request.uri(), "get_daily_report", Map.of("date", m.group(1)));
        }), new SyncResourceTemplateSpecification(backtest, (exchange, request) -> {
            Matcher m = BACKTEST.matcher(request.uri());
            if (!m.matches()) {
                throw McpError.RESOURCE_NOT_FOUND.apply(request.uri());
            }
            return read(request.uri(), "get_backtest", Map.of("run_id", Integer.parseInt(m.group(1))));
        }), new SyncResourceTemplateSpecification(sweep, (exchange, request) -> {
            Matcher m = SWEEP.matcher(request.uri());
            if (!m.matches()) {
                throw McpError.RESOURCE_NOT_FOUND.apply(request.uri());
            }
            return read(request.uri(), "get_sweep", Map.of("sweep_id", Integer.parseInt(m.group(1))));
        }));
    }

    private SyncResourceSpecification resource(String uri, String name, String title, String description, String tool, Map<String, Object> args) {
        McpSchema.Resource resource = McpSchema.Resource.builder()
                .uri(uri).name(name).title(title).description(description).mimeType("application/json").build();
        return new SyncResourceSpecification(resource, (exchange, request) -> read(uri, tool, args));
    }

    private ReadResourceResult read(String uri, String toolName, Map<String, Object> args) {
        ToolDefinition tool = catalog.find(toolName).orElseThrow();
        CallToolResult result = invoker.call(tool, new CallToolRequest(toolName, args));
        String text = result.content().isEmpty() ? "" : ((TextContent) result.content().get(0)).text();
        if (Boolean.TRUE.equals(result.isError())) {
            // a resource that cannot be read is "not found" with the tool's explanation, never an internal error
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(uri + ": " + text).build();
        }
        return new ReadResourceResult(List.of(new TextResourceContents(uri, "application/json", text)));
    }
}
