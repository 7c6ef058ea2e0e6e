package com.catalyst.gateway.routes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.catalyst.config.Bundle;
import org.springframework.core.env.Environment;

/**
 * The bundle API routes the gateway calls, with the REST verb and path each is served on, so that a tool reaches a
 * bundle in-process ({@code direct:<route>}) when it runs here and over HTTP when it runs in another process (split
 * mode), through the same API either way. BundleApisTest checks every entry against the REST definitions in routes/.
 */
public final class BundleApis {

    /** One API route: its bundle, verb, path ({@code {name}} filled from the header of that name) and query headers. */
    public record Api(String route, Bundle bundle, String method, String path, Set<String> query) {

        private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z_]+)}");

        /** The path with its parameters filled from {@code headers}, URL-encoded; a missing one is an error. */
        public String path(Function<String, Object> headers) {
            Matcher m = PATH_PARAM.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object value = headers.apply(m.group(1));
                if (value == null) {
                    throw new IllegalStateException(route + ": no value for path parameter " + m.group(1));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(encode(String.valueOf(value))));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Whether the route takes a JSON body (its REST verb declares consumes); the others refuse one (RequestBodyGuard). */
        public boolean takesBody() {
            return WITH_BODY.contains(route);
        }

        /** The query string of the headers this API reads as query parameters; null when none is set. */
        public String query(Function<String, Object> headers) {
            String q = query.stream().sorted().filter(name -> headers.apply(name) != null)
                    .map(name -> name + "=" + encode(String.valueOf(headers.apply(name)))).collect(Collectors.joining("&"));
            return q.isEmpty() ? null : q;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** The routes of {@link #ALL} whose REST verb takes a JSON body; BundleApisTest checks it against routes/. */
    static final Set<String> WITH_BODY = Set.of("backtest-api-start", "sweep-api-start", "scanner-api-scan", "scanner-api-watchlist-add", "risk-api-evaluate", "risk-api-update-limits",
            "trading-api-execute", "trading-api-place-order");

    public static final List<Api> ALL = List.of(
            new Api("workflow-api-status", Bundle.WORKFLOW, "GET", "/api/v1/workflow/status", Set.of()),
            new Api("workflow-api-current", Bundle.WORKFLOW, "GET", "/api/v1/workflow/cycles/current", Set.of()),
            new Api("workflow-api-history", Bundle.WORKFLOW, "GET", "/api/v1/workflow/cycles", Set.of("limit")),
            new Api("workflow-api-start", Bundle.WORKFLOW, "POST", "/api/v1/workflow/start", Set.of("mode")),
            new Api("workflow-api-stop", Bundle.WORKFLOW, "POST", "/api/v1/workflow/stop", Set.of()),
            new Api("workflow-api-run-cycle", Bundle.WORKFLOW, "POST", "/api/v1/workflow/cycles", Set.of()),
            new Api("backtest-api-start", Bundle.WORKFLOW, "POST", "/api/v1/backtests", Set.of()),
            new Api("backtest-api-run", Bundle.WORKFLOW, "GET", "/api/v1/backtests/{id}", Set.of()),
            new Api("sweep-api-start", Bundle.WORKFLOW, "POST", "/api/v1/backtests/sweeps", Set.of()),
            new Api("sweep-api-view", Bundle.WORKFLOW, "GET", "/api/v1/backtests/sweeps/{id}", Set.of()),
            new Api("scanner-api-scan", Bundle.SCANNER, "POST", "/api/v1/scanner/scan", Set.of()),
            new Api("scanner-api-candidates", Bundle.SCANNER, "GET", "/api/v1/scanner/candidates", Set.of("limit")),
            new Api("scanner-api-watchlist", Bundle.SCANNER, "GET", "/api/v1/scanner/watchlist", Set.of()),
            new Api("scanner-api-watchlist-add", Bundle.SCANNER, "POST", "/api/v1/scanner/watchlist", Set.of()),
            new Api("scanner-api-watchlist-remove", Bundle.SCANNER, "DELETE", "/api/v1/scanner/watchlist/{symbol}", Set.of()),
            new Api("technical-api-symbol", Bundle.TECHNICAL, "GET", "/api/v1/technical/{symbol}", Set.of()),
            new Api("technical-api-quote", Bundle.TECHNICAL, "GET", "/api/v1/technical/{symbol}/quote", Set.of()),
            new Api("technical-api-bars", Bundle.TECHNICAL, "GET", "/api/v1/technical/{symbol}/bars", Set.of("limit")),
            new Api("workflow-api-clock", Bundle.WORKFLOW, "GET", "/api/v1/workflow/clock", Set.of()),
            new Api("workflow-api-calendar", Bundle.WORKFLOW, "GET", "/api/v1/workflow/calendar", Set.of("from", "days")),
            new Api("pattern-api-symbol", Bundle.PATTERN, "GET", "/api/v1/pattern/{symbol}", Set.of()),
            new Api("risk-api-evaluate", Bundle.RISK, "POST", "/api/v1/risk/evaluate", Set.of()),
            new Api("risk-api-limits", Bundle.RISK, "GET", "/api/v1/risk/limits", Set.of()),
            new Api("risk-api-update-limits", Bundle.RISK, "PUT", "/api/v1/risk/limits", Set.of()),
            new Api("trading-api-positions", Bundle.TRADING, "GET", "/api/v1/trading/positions", Set.of()),
            new Api("trading-api-orders", Bundle.TRADING, "GET", "/api/v1/trading/orders", Set.of("limit")),
            new Api("trading-api-account", Bundle.TRADING, "GET", "/api/v1/trading/account", Set.of()),
            new Api("trading-api-execute", Bundle.TRADING, "POST", "/api/v1/trading/execute", Set.of()),
            new Api("trading-api-place-order", Bundle.TRADING, "POST", "/api/v1/trading/orders", Set.of()),
            new Api("trading-api-cancel-order", Bundle.TRADING, "DELETE", "/api/v1/trading/orders/{client_order_id}", Set.of()),
            new Api("trading-api-close-position", Bundle.TRADING, "DELETE", "/api/v1/trading/positions/{symbol}", Set.of("reason")),
            new Api("trading-api-flatten", Bundle.TRADING, "POST", "/api/v1/trading/flatten", Set.of("reason")),
            new Api("news-api-symbol", Bundle.NEWS, "GET", "/api/v1/news/{symbol}", Set.of("limit")),
            new Api("reporting-api-daily", Bundle.REPORTING, "GET", "/api/v1/reporting/daily", Set.of("limit")),
            new Api("reporting-api-daily-date", Bundle.REPORTING, "GET", "/api/v1/reporting/daily/{date}", Set.of()));

    /** Headers a remote call carries besides the path and query: what the API routes read from the request. */
    public static final Set<String> FORWARDED_HEADERS = Set.of("Accept", "Content-Type", "X-Catalyst-Change-Source");

    private final Map<String, Api> byRoute = ALL.stream().collect(Collectors.toMap(Api::route, a -> a));
    private final Environment env;

    public BundleApis(Environment env) {
        this.env = env;
    }

    public Api api(String route) {
        Api api = byRoute.get(route);
        if (api == null) {
            throw new IllegalArgumentException("no bundle API route " + route);
        }
        return api;
    }

    public boolean local(Bundle bundle) {
        return env.getProperty("catalyst.bundle." + bundle.id() + ".enabled", Boolean.class, false);
    }

    /** Where a tool route sends a call of {@code route}: the route itself here, or the gateway's HTTP route for it. */
    public String uri(String route) {
        Api api = api(route);
        return local(api.bundle()) ? "direct:" + route : "direct:" + remoteRoute(route);
    }

    public static String remoteRoute(String route) {
        return "gateway-remote-" + route;
    }

    /** The base URL of a bundle in another process ({@code catalyst.services.<bundle>.url}, else its seed port here). */
    public String baseUrl(Bundle bundle) {
        String url = env.getProperty("catalyst.services." + bundle.id() + ".url", "http://127.0.0.1:" + bundle.seedPort());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
