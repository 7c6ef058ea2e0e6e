package com.catalyst.gateway.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.catalyst.workflow.CycleDesk;
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
    // the bodies tools send (a backtest's LocalDate values written as YYYY-MM-DD, as the REST body has them)
    private static final com.fasterxml.jackson.databind.ObjectMapper REQUEST_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ToolCatalog catalog;
    private final BackendReplies replies;
    private final TradeTickets tickets;
    private final ReportViews views;
    private final CycleDesk cycles;
    private final BundleApis apis;
    private final WorkingOrders orders = new WorkingOrders(new com.fasterxml.jackson.databind.ObjectMapper());
    private final SessionCharts charts = new SessionCharts();

    public GatewayToolRoutes(ToolCatalog catalog, BackendReplies replies, TradeTickets tickets, ReportViews views, CycleDesk cycles,
                             BundleApis apis) {
        this.catalog = catalog;
        this.replies = replies;
        this.tickets = tickets;
        this.views = views;
        this.cycles = cycles;
        this.apis = apis;
    }

    @Override
    public void configure() {
        remoteCalls();

        tool("get_system_health")
                .to("direct:health-report")
                .process(e -> body(e, (Map<?, ?>) replies.parse(e)));

        tool("get_cycle_status")
                .to(apis.uri("workflow-api-status")).process(e -> keep(e, "workflow", replies.reply(e)))
                .to(apis.uri("workflow-api-current")).process(e -> keep(e, "current_cycle", replies.replyOrNull(e, Set.of(404))))
                .process(e -> body(e, kept(e, "workflow", "current_cycle")));

        tool("get_cycle_history")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to(apis.uri("workflow-api-history"))
                .process(e -> body(e, Map.of("cycles", replies.reply(e))));

        tool("start_trading_cycle")
                .setHeader("mode", simple("${exchangeProperty." + ARGS + "[mode]}"))
                .to(apis.uri("workflow-api-start")).process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> keep(e, "cycle", null))
                .filter(simple("${exchangeProperty." + ARGS + "[run_now]} == true"))
                    .to(apis.uri("workflow-api-run-cycle"))
                    .process(e -> {
                        if (Integer.valueOf(409).equals(e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))) {
                            throw new ToolFailure("Trading is started, but no cycle was run now: a cycle is already running. "
                                    + "Check get_cycle_status in a few seconds.");
                        }
                        keep(e, "cycle", replies.reply(e));
                    })
                .end()
                .to(apis.uri("workflow-api-status")).process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> body(e, kept(e, "workflow", "cycle")));

        tool("stop_trading")
                .to(apis.uri("workflow-api-stop")).process(e -> keep(e, "workflow", replies.reply(e)))
                .process(e -> keep(e, "closed", List.of()))
                .filter(simple("${exchangeProperty." + ARGS + "[close_positions]} == true"))
                    .setProperty("closeReason", constant("stop_trading"))
                    .to("direct:gateway-close-all")
                    .process(e -> keep(e, "closed", e.getMessage().getBody()))
                .end()
                .process(e -> body(e, kept(e, "workflow", "closed")));

        tool("emergency_stop")
                .process(e -> log.warn("Emergency stop called through the MCP gateway: {}", args(e).get("reason")))
                .to(apis.uri("workflow-api-stop")).process(e -> keep(e, "workflow", replies.reply(e)))
                .setProperty("closeReason", constant("emergency_stop"))
                .to("direct:gateway-close-all")
                .process(e -> {
                    keep(e, "closed", e.getMessage().getBody());
                    keep(e, "reason", args(e).get("reason"));
                    body(e, kept(e, "workflow", "closed", "reason"));
                });

        // every open position gets a market exit through trading's own order path (recorded before it is sent)
        from("direct:gateway-close-all").routeId("gateway-close-all")
                .removeHeaders("*")
                .setHeader("reason", exchangeProperty("closeReason"))
                .setBody(constant(""))
                .to(apis.uri("trading-api-flatten"))
                .process(e -> e.getMessage().setBody(outcomes(replies.reply(e))));

        tool("analyze_symbol")
                .process(e -> keep(e, "symbol", args(e).get("symbol")))
                .filter(simple("${exchangeProperty." + ARGS + "[include_technical]} == true"))
                    .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                    .to(apis.uri("technical-api-symbol")).process(e -> keep(e, "technical", replies.reply(e)))
                .end()
                .filter(simple("${exchangeProperty." + ARGS + "[include_patterns]} == true"))
                    .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                    .to(apis.uri("pattern-api-symbol")).process(e -> keep(e, "patterns", replies.reply(e)))
                .end()
                .process(e -> body(e, kept(e, "symbol", "technical", "patterns")));

        tool("get_risk_metrics")
                .to(apis.uri("risk-api-limits")).process(e -> keep(e, "limits", ((Map<?, ?>) replies.reply(e)).get("in_force")))
                .to(apis.uri("trading-api-account")).process(e -> keep(e, "account", replies.reply(e)))
                .to(apis.uri("trading-api-positions")).process(e -> keep(e, "positions", replies.reply(e)))
                .setHeader("limit", constant(1))
                .to(apis.uri("reporting-api-daily")).process(e -> keep(e, "today", replies.replyOrNull(e, Set.of(404))))
                .process(e -> body(e, views.riskMetrics(limits(kept(e).get("limits")), kept(e).get("account"), kept(e).get("positions"), kept(e).get("today"))));

        tool("check_trade_risk")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to(apis.uri("technical-api-symbol"))
                .process(e -> e.getMessage().setBody(tickets.riskRequest(null, (String) args(e).get("symbol"), (String) args(e).get("side"),
                        replies.reply(e))))
                .to(apis.uri("risk-api-evaluate"))
                .process(e -> {
                    Map<?, ?> response = (Map<?, ?>) replies.reply(e);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("decision", tickets.decision(response));
                    out.put("portfolio", response.get("portfolio"));
                    body(e, out);
                });

        tool("execute_trade")
                .to(apis.uri("workflow-api-current"))
                .process(e -> keep(e, "cycle_id", tickets.cycleForManualTrade(replies.replyOrNull(e, Set.of(404)))))
                .process(e -> e.getMessage().setHeader("clientOrderId",
                        tickets.entryClientOrderId((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"), (String) args(e).get("side"))))
                // the record's owner answers whether this cycle already has the entry (OrderRepository)
                .setBody(method("orderRepository", "exists(${header.clientOrderId})"))
                .process(e -> tickets.requireNoEntry((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"), (String) args(e).get("side"),
                        Boolean.TRUE.equals(e.getMessage().getBody(Boolean.class))))
                .removeHeaders("*")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to(apis.uri("technical-api-symbol"))
                .process(e -> e.getMessage().setBody(tickets.riskRequest((String) kept(e).get("cycle_id"), (String) args(e).get("symbol"),
                        (String) args(e).get("side"), replies.reply(e))))
                .to(apis.uri("risk-api-evaluate"))
                .process(e -> {
                    Map<String, Object> decision = tickets.decision(replies.reply(e));
                    keep(e, "decision", decision);
                    e.getMessage().setBody(tickets.tradeRequest((String) kept(e).get("cycle_id"), decision));
                })
                .to(apis.uri("trading-api-execute"))
                .process(e -> {
                    List<?> outcomes = (List<?>) ((Map<?, ?>) replies.reply(e)).get("outcomes");
                    keep(e, "order", outcomes == null || outcomes.isEmpty() ? null : outcomes.get(0));
                    body(e, kept(e, "decision", "order"));
                });

        tool("close_position")
                .to(apis.uri("trading-api-positions"))
                .process(e -> tickets.positionOf(replies.reply(e), (String) args(e).get("symbol")))
                .removeHeaders("*")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .setHeader("reason", constant("manual_close"))
                .to(apis.uri("trading-api-close-position"))
                .process(e -> body(e, Map.of("order", outcomes(replies.reply(e)).get(0))));

        // the risk bundle checks the change whole, refuses what would lift today's kill switch, and records it
        tool("update_risk_parameters")
                .process(e -> e.getMessage().setBody(tickets.limitChange(args(e))))
                .setHeader("Content-Type", constant("application/json"))
                .setHeader("X-Catalyst-Change-Source", constant("mcp"))
                .to(apis.uri("risk-api-update-limits"))
                .process(e -> {
                    Map<?, ?> view = (Map<?, ?>) replies.reply(e);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("in_force", view.get("in_force"));
                    out.put("before", view.get("before"));
                    out.put("overrides", view.get("overrides"));
                    out.put("configured", view.get("configured"));
                    body(e, out);
                });

        tool("scan_market")
                .choice()
                    .when(simple("${exchangeProperty." + ARGS + "[fresh]} == true"))
                        .setBody(simple("{\"limit\": ${exchangeProperty." + ARGS + "[limit]}}"))
                        .to(apis.uri("scanner-api-scan"))
                        .process(e -> {
                            Map<?, ?> scan = (Map<?, ?>) replies.reply(e);
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("candidates", scan.get("candidates"));
                            out.put("scanned", scan.get("scanned"));
                            out.put("as_of", scan.get("as_of"));
                            out.put("watchlist_missing", scan.get("watchlist_missing"));
                            body(e, out);
                        })
                    .otherwise()
                        .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                        .to(apis.uri("scanner-api-candidates"))
                        .process(e -> body(e, Map.of("candidates", replies.reply(e))))
                .end();

        tool("get_news")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to(apis.uri("news-api-symbol"))
                .process(e -> body(e, Map.of("symbol", args(e).get("symbol"), "articles", replies.reply(e))));

        tool("get_positions")
                .to(apis.uri("trading-api-positions"))
                .process(e -> {
                    List<?> positions = (List<?>) replies.reply(e);
                    body(e, Map.of("positions", positions, "count", positions.size()));
                });

        tool("get_orders")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to(apis.uri("trading-api-orders"))
                .process(e -> body(e, Map.of("orders", replies.reply(e))));

        tool("get_account")
                .to(apis.uri("trading-api-account"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_performance")
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[days]}"))
                .to(apis.uri("reporting-api-daily"))
                .process(e -> body(e, views.performance(replies.reply(e))));

        // the same report as GET /api/v1/reporting/daily/{date}: one session's figures, curve and trades
        tool("get_daily_report")
                .process(e -> {
                    Object date = args(e).get("date");
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setHeader("date", String.valueOf(date == null ? cycles.sessionDate() : date));
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .to(apis.uri("reporting-api-daily-date"))
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
                    e.getMessage().setBody(REQUEST_JSON.writeValueAsString(request));
                })
                .setHeader("Content-Type", constant("application/json"))
                .to(apis.uri("backtest-api-start"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_backtest")
                .process(e -> {
                    e.getMessage().setHeader("id", String.valueOf(args(e).get("run_id")));
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .to(apis.uri("backtest-api-run"))
                .process(e -> body(e, Map.of("backtest", replies.reply(e))));

        // sweeps: the same routes as POST and GET /api/v1/backtests/sweeps
        tool("start_sweep")
                .process(e -> {
                    Map<String, Object> args = new LinkedHashMap<>(args(e));
                    Map<String, Object> request = new LinkedHashMap<>();
                    for (String key : List.of("strategy", "symbols", "from", "to", "samples", "seed", "objective")) {
                        if (args.get(key) != null) {
                            request.put(key, args.get(key));
                        }
                    }
                    if (request.get("symbols") instanceof String symbols) {
                        request.put("symbols", List.of(symbols.split("\\s*,\\s*")));
                    }
                    for (String key : List.of("grid", "random")) {
                        if (args.get(key) != null) {
                            try {
                                request.put(key, REQUEST_JSON.readTree(String.valueOf(args.get(key))));
                            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                                throw new ToolFailure("'" + key + "' must be a JSON object such as {\"ema_fast\":[5,9]}: it is not JSON.");
                            }
                        }
                    }
                    if (args.get("in_sample_days") != null || args.get("out_of_sample_days") != null || args.get("step_days") != null) {
                        Map<String, Object> walkForward = new LinkedHashMap<>();
                        for (String key : List.of("in_sample_days", "out_of_sample_days", "step_days")) {
                            if (args.get(key) != null) {
                                walkForward.put(key, args.get(key));
                            }
                        }
                        request.put("walk_forward", walkForward);
                    }
                    e.getMessage().setBody(REQUEST_JSON.writeValueAsString(request));
                })
                .setHeader("Content-Type", constant("application/json"))
                .to(apis.uri("sweep-api-start"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_sweep")
                .process(e -> {
                    e.getMessage().setHeader("id", String.valueOf(args(e).get("sweep_id")));
                    e.getMessage().setHeader("Accept", "application/json");
                })
                .to(apis.uri("sweep-api-view"))
                .process(e -> body(e, Map.of("sweep", replies.reply(e))));

        tradersTools();
        watchlistTools();
    }

    /** The watchlist: the scanner bundle's own routes, which check the symbol against the market's universe. */
    private void watchlistTools() {
        tool("get_watchlist")
                .to(apis.uri("scanner-api-watchlist"))
                .process(e -> {
                    List<?> entries = (List<?>) replies.reply(e);
                    body(e, Map.of("watchlist", entries, "count", entries.size()));
                });

        tool("add_to_watchlist")
                .process(e -> {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("symbol", args(e).get("symbol"));
                    request.put("note", args(e).get("note"));
                    e.getMessage().setBody(REQUEST_JSON.writeValueAsString(request));
                })
                .setHeader("Content-Type", constant("application/json"))
                .to(apis.uri("scanner-api-watchlist-add"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("remove_from_watchlist")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to(apis.uri("scanner-api-watchlist-remove"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));
    }

    /** The trader's tools (issue 16): quote, bars, clock, working orders with cancel and replace, the chart. */
    private void tradersTools() {
        tool("get_quote")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .to(apis.uri("technical-api-quote"))
                .process(e -> body(e, (Map<?, ?>) replies.reply(e)));

        tool("get_bars")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .setHeader("limit", simple("${exchangeProperty." + ARGS + "[limit]}"))
                .to(apis.uri("technical-api-bars"))
                .process(e -> {
                    List<?> bars = (List<?>) replies.reply(e);
                    body(e, Map.of("symbol", args(e).get("symbol"), "bars", bars, "count", bars.size()));
                });

        tool("get_market_clock")
                .to(apis.uri("workflow-api-clock")).process(e -> keep(e, "clock", replies.reply(e)))
                .removeHeaders("*")
                .setHeader("days", simple("${exchangeProperty." + ARGS + "[days]}"))
                .to(apis.uri("workflow-api-calendar")).process(e -> keep(e, "calendar", replies.reply(e)))
                .process(e -> body(e, kept(e, "clock", "calendar")));

        tool("get_working_orders")
                .setHeader("limit", constant(1000))
                .to(apis.uri("trading-api-orders"))
                .process(e -> {
                    List<Map<String, Object>> working = orders.working(replies.reply(e));
                    body(e, Map.of("orders", working, "count", working.size()));
                });

        // an unknown id is refused here, naming where the ids are, before the broker is asked
        tool("cancel_order")
                .setHeader("limit", constant(1000))
                .to(apis.uri("trading-api-orders"))
                .process(e -> orders.known(replies.reply(e), (String) args(e).get("client_order_id")))
                .removeHeaders("*")
                .setHeader("client_order_id", simple("${exchangeProperty." + ARGS + "[client_order_id]}"))
                .to(apis.uri("trading-api-cancel-order"))
                .process(e -> body(e, Map.of("order", replies.reply(e))));

        // cancel, then a new limit entry through risk (WorkingOrders says why not the broker's replace)
        tool("replace_order")
                .setHeader("limit", constant(1000))
                .to(apis.uri("trading-api-orders"))
                .process(e -> keep(e, "old", orders.replaceable(replies.reply(e), (String) args(e).get("client_order_id"))))
                .removeHeaders("*")
                .setHeader("client_order_id", simple("${exchangeProperty." + ARGS + "[client_order_id]}"))
                .setBody(constant(""))
                .to(apis.uri("trading-api-cancel-order"))
                .process(e -> {
                    Object canceled = replies.reply(e);
                    orders.requireCanceled(canceled, (String) args(e).get("client_order_id"));
                    keep(e, "canceled", canceled);
                    e.getMessage().removeHeaders("*");
                    e.getMessage().setBody(orders.replacement((Map<?, ?>) kept(e).get("old"), args(e)));
                })
                .setHeader("Content-Type", constant("application/json"))
                .to(apis.uri("trading-api-place-order"))
                .process(e -> {
                    Integer status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                    if (status != null && status >= 400) {
                        Object answer = replies.parse(e);
                        Object error = answer instanceof Map<?, ?> m && m.get("error") != null ? m.get("error") : answer;
                        throw new ToolFailure("Order " + args(e).get("client_order_id") + " was canceled, but the new limit entry was not placed ("
                                + error + "). Place it again with execute_trade or ask risk with check_trade_risk.",
                                Map.of("canceled", kept(e).get("canceled")));
                    }
                    keep(e, "order", replies.reply(e));
                    body(e, kept(e, "canceled", "order"));
                });

        tool("get_chart")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                .setHeader("limit", constant(390))
                .to(apis.uri("technical-api-bars")).process(e -> keep(e, "bars", replies.reply(e)))
                .removeHeaders("*")
                .setHeader("symbol", simple("${exchangeProperty." + ARGS + "[symbol]}"))
                // a session too short for patterns (422) or none found is a chart without a band
                .to(apis.uri("pattern-api-symbol")).process(e -> keep(e, "patterns", replies.replyOrNull(e, Set.of(404, 422))))
                .removeHeaders("*")
                .setHeader("limit", constant(1000))
                .to(apis.uri("trading-api-orders")).process(e -> keep(e, "orders", replies.reply(e)))
                .process(e -> body(e, charts.chart((String) args(e).get("symbol"), cycles.sessionDate(), kept(e).get("bars"),
                        kept(e).get("patterns"), kept(e).get("orders"))));
    }

    /**
     * For each bundle API this process does not serve, {@code direct:gateway-remote-<route>}: the same call over HTTP to
     * the bundle's process (Camel's HTTP component signs it with a service token: ServiceTokenSigner); its status and JSON come back as the in-process route's would.
     */
    private void remoteCalls() {
        for (BundleApis.Api api : BundleApis.ALL) {
            if (apis.local(api.bundle())) {
                continue;
            }
            String base = apis.baseUrl(api.bundle());
            from("direct:" + BundleApis.remoteRoute(api.route())).routeId(BundleApis.remoteRoute(api.route()))
                    .process(e -> {
                        var in = e.getMessage();
                        String path = api.path(in::getHeader);
                        String query = api.query(in::getHeader);
                        Map<String, Object> forwarded = new LinkedHashMap<>();
                        BundleApis.FORWARDED_HEADERS.forEach(h -> {
                            if (in.getHeader(h) != null) {
                                forwarded.put(h, in.getHeader(h));
                            }
                        });
                        in.removeHeaders("*");
                        in.setHeaders(forwarded);
                        in.setHeader(Exchange.HTTP_METHOD, api.method());
                        in.setHeader(Exchange.HTTP_URI, base + path);
                        if (query != null) {
                            in.setHeader(Exchange.HTTP_QUERY, query);
                        }
                        if (!api.takesBody()) {
                            in.setBody(null); // a route that takes no body refuses one
                        } else {
                            if (!(in.getBody() instanceof String) && !(in.getBody() instanceof byte[])) {
                                in.setBody(""); // the in-process route ignores such a body too (a tool's arguments map)
                            }
                            // the tools' bodies are JSON; a bundle refuses any other type (415)
                            if (in.getHeader("Content-Type") == null) {
                                in.setHeader("Content-Type", "application/json");
                            }
                        }
                    })
                    .doTry()
                        .to("http://" + api.bundle().id() + "?throwExceptionOnFailure=false&connectTimeout={{catalyst.services.connect-timeout-ms:2000}}"
                                + "&responseTimeout={{catalyst.services.response-timeout-ms:30000}}")
                    .doCatch(java.io.IOException.class)
                        .process(e -> {
                            Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                            throw new ToolFailure("The " + api.bundle().id() + " bundle at " + base + " did not answer ("
                                    + cause.getClass().getSimpleName() + "). Check it with get_system_health; nothing was changed by this call.");
                        })
                    .end()
                    .process(e -> {
                        Object status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
                        e.getMessage().setBody(e.getMessage().getBody(String.class));
                    });
        }
    }

    /** The route of one catalogued tool: keeps the arguments beside the body. */
    private RouteDefinition tool(String name) {
        ToolDefinition tool = catalog.find(name).orElseThrow(() -> new IllegalStateException("no tool " + name + " in the catalog"));
        return from(tool.routeUri()).routeId(tool.routeId())
                .setProperty(ARGS, body())
                .removeHeaders("*");
    }

    /** The outcomes of a trading answer ({@code {"outcomes": [...]}}), one per order placed. */
    private static List<?> outcomes(Object reply) {
        Object outcomes = reply instanceof Map<?, ?> map ? map.get("outcomes") : null;
        return outcomes instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(Object inForce) {
        return inForce instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
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
