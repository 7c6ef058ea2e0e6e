package com.catalyst.gateway.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.catalyst.desk.CycleDesk;
import com.catalyst.gateway.tools.ToolCatalog;
import com.catalyst.gateway.tools.ToolDefinition;
import com.catalyst.gateway.tools.ToolFailure;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * One route a tool, {@code direct:gateway-tool-<name>} (id {@code gateway-tool-<name>}), so that metrics and Hawtio
 * show each tool. A route takes the checked arguments (a map) and answers a map; it calls the bundles' API routes,
 * the same ones their REST endpoints use, and reads their replies with {@link BackendReplies}.
 */
public class GatewayToolRoutes extends RouteBuilder {

    private static final String ARGS = "gatewayArgs";
    // the checked arguments hold LocalDate values: written as YYYY-MM-DD, as the REST body has them
    private static final com.fasterxml.jackson.databind.ObjectMapper BACKTEST_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ToolCatalog catalog;
    private final BackendReplies replies;
    private final TradeTickets tickets;
    private final ReportViews views;
    private final CycleDesk cycles;

    public GatewayToolRoutes(ToolCatalog catalog, BackendReplies replies, TradeTickets tickets, ReportViews views, CycleDesk cycles) {
        this.catalog = catalog;
        this.replies = replies;
        this.tickets = tickets;
        this.views = views;
        this.cycles = cycles;
    }

    @Override
    public void configure() {
        tool("get_system_health")
                .to("direct:health-report")
                .process(e -> body(e, (Map<?, ?>) replies.parse(e)));

        tool("get_cycle_status")
                .to("direct:workflow-api-status").process(e -> keep(e, "workflow", replies.reply(e)))
                .to("direct:workflow-api-current").process(e -> keep(e, "current_cycle", replies.replyOrNull(e, Set.of(404))))
                .process(e -> body(e, kept(e, "workflow", "current_cycle")));

        tool("get_cycle_history")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to("direct:workflow-api-history")
                .process(e -> body(e, Map.of("cycles", replies.reply(e))));

        tool("start_trading_cycle")
                .process(e -> {
                    String mode = (String) args(e).get("mode");
                    if (mode != null) {
                        cycles.setMode(mode);
                    }
                })
                .to("direct:workflow-api-start").process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> keep(e, "cycle", null))
                .filter(simple("${exchangeProperty." + ARGS + "[run_now]} == true"))
                    .to("direct:workflow-api-run-cycle")
                    .process(e -> {
                        if (Integer.valueOf(409).equals(e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))) {
                            throw new ToolFailure("Trading is started, but no cycle was run now: a cycle is already running. "
                                    + "Check get_cycle_status in a few seconds.");
                        }
                        keep(e, "cycle", replies.reply(e));
                    })
                .end()
                .to("direct:workflow-api-status").process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> body(e, kept(e, "workflow", "cycle")));

        tool("stop_trading")
                .to("direct:workflow-api-stop").process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> keep(e, "closed", List.of()))
                .filter(simple("${exchangeProperty." + ARGS + "[close_positions]} == true"))
                    .setProperty("closeReason", constant("stop_trading"))
                    .to("direct:gateway-close-all")
                    .process(e -> keep(e, "closed", e.getMessage().getBody()))
                .end()
                .process(e -> body(e, kept(e, "workflow", "closed")));

        tool("emergency_stop")
                .process(e -> log.warn("Emergency stop called through the MCP gateway: {}", args(e).get("reason")))
                .to("direct:workflow-api-stop").process(e -> keep(e, "workflow", replies.reply(e)))
                .setProperty("closeReason", constant("emergency_stop"))
                .to("direct:gateway-close-all")
                .process(e -> {
                    keep(e, "closed", e.getMessage().getBody());
                    keep(e, "reason", args(e).get("reason"));
                    body(e, kept(e, "workflow", "closed", "reason"));
                });

        // every open position gets a market exit through trading's own order path (recorded before it is sent)
        from("direct:gateway-close-all").routeId("gateway-close-all")
                .process(e -> replies.requireBundle("trading"))
                .to("direct:trading-api-positions")
                .process(e -> e.getMessage().setBody(tickets.exits(replies.reply(e), e.getProperty("closeReason", String.class))))
                .to("direct:gateway-place-exits");

        from("direct:gateway-place-exits").routeId("gateway-place-exits")
                .choice()
                    .when(simple("${body.isEmpty()}")).setBody(constant(List.of()))
                    .otherwise()
                        .removeProperty("cycleId")
                        .to("direct:trading-place-orders")
                        .process(e -> e.getMessage().setBody(((Map<?, ?>) replies.parse(e)).get("outcomes")))
                .end();

        tool("analyze_symbol")
                .process(e -> keep(e, "symbol", args(e).get("symbol")))
                .filter(simple("${exchangeProperty." + ARGS + "[include_technical]} == true"))
                    .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                    .to("direct:technical-api-symbol").process(e -> keep(e, "technical", replies.reply(e)))
                .end()
                .filter(simple("${exchangeProperty." + ARGS + "[include_patterns]} == true"))
                    .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                    .to("direct:pattern-api-symbol").process(e -> keep(e, "patterns", replies.reply(e)))
                .end()
                .process(e -> body(e, kept(e, "symbol", "technical", "patterns")));

        tool("get_risk_metrics")
                .process(e -> replies.requireBundle("trading"))
                .to("direct:trading-api-account").process(e -> keep(e, "account", replies.reply(e)))
                .to("direct:trading-api-positions").process(e -> keep(e, "positions", replies.reply(e)))
                .setHeader("limit", constant(1))
                .to("direct:reporting-api-daily").process(e -> keep(e, "today", replies.replyOrNull(e, Set.of(404))))
                .process(e -> body(e, views.riskMetrics(tickets.riskLimits(), kept(e).get("account"), kept(e).get("positions"), kept(e).get("today"))));

        tool("check_trade_risk")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to("direct:technical-api-symbol")
                .process(e -> e.getMessage().setBody(tickets.riskRequest(null, (String) args(e).get("symbol"), replies.reply(e))))
                .to("direct:risk-api-evaluate")
                .process(e -> {
                    Map<?, ?> response = (Map<?, ?>) replies.reply(e);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("decision", tickets.decision(response));
                    out.put("portfolio", response.get("portfolio"));
                    body(e, out);
                });

        tool("execute_trade")
                .process(e -> replies.requireBundle("trading"))
                .to("direct:workflow-api-current")
                .process(e -> keep(e, "cycle_id", tickets.cycleForManualTrade(replies.replyOrNull(e, Set.of(404)))))
                .process(e -> e.getMessage().setHeader("clientOrderId",
                        tickets.entryClientOrderId((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"))))
                .to("sql:select client_order_id from orders where client_order_id = :#clientOrderId")
                .process(e -> tickets.requireNoEntry((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"), e.getMessage().getBody(List.class)))
                .removeHeaders("*")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to("direct:technical-api-symbol")
                .process(e -> e.getMessage().setBody(tickets.riskRequest((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"), replies.reply(e))))
                .to("direct:risk-api-evaluate")
                .process(e -> {
                    Map<String, Object> decision = tickets.decision(replies.reply(e));
                    keep(e, "decision", decision);
                    e.getMessage().setBody(tickets.tradeRequest((String) kept(e).get("cycle_id"), decision));
                })
                .to("direct:trading-api-execute")
                .process(e -> {
                    List<?> outcomes = (List<?>) ((Map<?, ?>) replies.reply(e)).get("outcomes");
                    keep(e, "order", outcomes == null || outcomes.isEmpty() ? null : outcomes.get(0));
                    body(e, kept(e, "decision", "order"));
                });

        tool("close_position")
                .process(e -> replies.requireBundle("trading"))
                .to("direct:trading-api-positions")
                .process(e -> e.getMessage().setBody(tickets.exits(tickets.positionOf(replies.reply(e), (String) args(e).get("symbol")), "manual_close")))
                .to("direct:gateway-place-exits")
                .process(e -> body(e, Map.of("order", ((List<?>) e.getMessage().getBody()).get(0))));

        tool("update_risk_parameters")
                .process(e -> {
                    throw new ToolFailure("update_risk_parameters is not available yet: risk limits are start-up settings (catalyst.risk.* in "
                            + "application.yaml or CATALYST_RISK_* environment variables) and take effect on restart. Nothing was changed.",
                            Map.of("limits_in_force", tickets.riskLimits()));
                });

        tool("scan_market")
                .choice()
                    .when(simple("${exchangeProperty." + ARGS + "[fresh]} == true"))
                        .setBody(simple("{\"limit\": ${exchangeProperty." + ARGS + "[limit]}}"))
                        .to("direct:scanner-api-scan")
                        .process(e -> {
                            Map<?, ?> scan = (Map<?, ?>) replies.reply(e);
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("candidates", scan.get("candidates"));
                            out.put("scanned", scan.get("scanned"));
                            out.put("as_of", scan.get("as_of"));
                            body(e, out);
                        })
                    .otherwise()
                        .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                        .to("direct:scanner-api-candidates")
                        .process(e -> body(e, Map.of("candidates", replies.reply(e))))
                .end();

        tool("get_news")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to("direct:news-api-symbol")
                .process(e -> body(e, Map.of("symbol", args(e).get("symbol"), "articles", replies.reply(e))));

        tool("get_positions")
                .to("direct:trading-api-positions")
                .process(e -> {
                    List<?> positions = (List<?>) replies.reply(e);
                    body(e, Map.of("positions", positions, "count", positions.size()));
                });

        tool("get_orders")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to("direct:trading-api-orders")
                .process(e -> body(e, Map.of("orders", replies.reply(e))));

        tool("get_account")
                .to("direct:trading-api-account")
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_performance")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[days]}"))
                .to("direct:reporting-api-daily")
                .process(e -> body(e, views.performance(replies.reply(e))));

        // the same report as GET /api/v1/reporting/daily/{date}: one session's figures, curve and trades
        tool("get_daily_report")
                .process(e -> {
                    Object date = args(e).get("date");
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader("date", String.valueOf(date == null ? cycles.sessionDate() : date));
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .to("direct:reporting-api-daily-date")
                .process(e -> body(e, Map.of("report", replies.reply(e))));

        // backtests: the same routes as POST and GET /api/v1/backtests
        tool("start_backtest")
                .process(e -> {
                    Map<String, Object> request = new LinkedHashMap<>(args(e));
                    if (request.get("symbols") instanceof String symbols) {
                        request.put("symbols", List.of(symbols.split("\\s*,\\s*")));
                    }
                    Object multiple = request.remove("ema_atr_multiple");
                    if (multiple != null) {
                        request.put("atr_multiple", multiple);
                    }
                    e.getMessage().setBody(BACKTEST_JSON.writeValueAsString(request));
                })
                .to("direct:backtest-api-start")
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_backtest")
                .process(e -> {
                    e.getMessage().setHeader("id", String.valueOf(args(e).get("run_id")));
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .to("direct:backtest-api-run")
                .process(e -> body(e, Map.of("backtest", replies.reply(e))));
    }

    /** The route of one catalogued tool: checks its bundle runs here and keeps the arguments beside the body. */
    private RouteDefinition tool(String name) {
        ToolDefinition tool = catalog.find(name).orElseThrow(() -> new IllegalStateException("no tool " + name + " in the catalog"));
        return from(tool.routeUri()).routeId(tool.routeId())
                .setProperty(ARGS, body())
                .process(e -> replies.requireBundle(tool.bundle()))
                .removeHeaders("*");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Exchange e) {
        return e.getProperty(ARGS, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(Exchange e) {
        Map<String, Object> kept = e.getProperty("gatewayKept", Map.class);
        if (kept == null) {
            kept = new LinkedHashMap<>();
            e.setProperty("gatewayKept", kept);
        }
        return kept;
    }

    private static void keep(Exchange e, String key, Object value) {
        kept(e).put(key, value);
    }

    /** The kept values of these keys, in order, nulls included (the output schemas name them). */
    private static Map<String, Object> kept(Exchange e, String... keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, kept(e).get(key));
        }
        return out;
    }

    private static void body(Exchange e, Map<?, ?> value) {
        e.getMessage().removeHeaders("*");
        e.getMessage().setBody(value);
    }
}
