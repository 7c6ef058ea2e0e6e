package com.catalyst.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.RouteIds;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile bodies at every write route of the REST definitions in routes/ (POST, PUT, PATCH, DELETE), on the packaged jar:
 * mutations of a valid body that no route may accept (broken syntax, swapped types, unbounded numbers, deep nesting, long
 * strings and numbers, duplicated keys, bad UTF-8, a wrong Content-Type, an oversize body, a body where none is taken).
 * Every answer must be a 4xx JSON error without Java internals, the process must stay healthy, and no table may change.
 *
 * <p>{@code -Dfuzz.count} (default 10,000, the CI size) and {@code -Dfuzz.seed} choose the run; the full-size run:
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RestFuzzIT -Dfuzz.count=100000}.
 */
class RestFuzzIT {

    private static final String DB = "catalyst_it_rest_fuzz";
    private static final String SERVICE_SECRET = apiKey() + apiKey();
    /** A fresh single-use token for each call to execute and manage, as the workflow's process signs them. */
    private static final ServiceTokens WORKFLOW = new ServiceTokens(SERVICE_SECRET, Duration.ofSeconds(60), "workflow", false);
    private static final java.util.Set<String> INTERNAL = java.util.Set.of("/api/v1/trading/execute", "/api/v1/trading/manage");
    private static final int COUNT = Integer.getInteger("fuzz.count", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_STRING = 16 * 1024;
    private static final int MAX_NUMBER = 64;
    private static final String[] STACK_TRACE_SIGNS = {"Exception", "\tat ", "at com.", "at java.", "at org.", ".java:", "java.lang",
            "com.catalyst.", "org.apache.", "org.springframework.", "com.fasterxml.", "/work/", "/tmp/", "BOOT-INF"};

    /**
     * A valid body of each write route that takes one, keyed by the REST verb's id; a new body route needs one here
     * (the test says so). {@code emptyMeansDefaults}: an empty or null body may be a valid request there, so none is sent.
     */
    private record Seed(String json, boolean emptyMeansDefaults) {
    }

    private static final Map<String, Seed> SEEDS = Map.ofEntries(
            Map.entry("news-rest-enrich", new Seed("{\"symbols\":[\"AAPL\",\"MSFT\"],\"as_of\":\"2026-01-06T16:00:00Z\"}", false)),
            Map.entry("pattern-rest-analyze", new Seed("{\"symbols\":[\"AAPL\"],\"session_date\":\"2026-01-06\","
                    + "\"as_of\":\"2026-01-06T16:00:00Z\",\"min_confidence\":0.5}", false)),
            Map.entry("technical-rest-analyze", new Seed("{\"symbols\":[\"AAPL\"],\"session_date\":\"2026-01-06\",\"rsi_low\":30,\"rsi_high\":70}", false)),
            Map.entry("scanner-rest-scan", new Seed("{\"limit\":20,\"session_date\":\"2026-01-06\",\"as_of\":\"2026-01-06T16:00:00Z\"}", false)),
            Map.entry("scanner-rest-watchlist-add", new Seed("{\"symbol\":\"AAPL\",\"note\":\"earnings after the close\"}", false)),
            Map.entry("risk-rest-evaluate", new Seed("{\"cycle_id\":\"20260106-001\",\"size_multiplier\":1.0,\"proposals\":[{\"symbol\":\"AAPL\","
                    + "\"side\":\"long\",\"entry_price\":50.25,\"atr\":0.4,\"pattern_type\":\"bull_flag\",\"score\":0.8}]}", false)),
            Map.entry("risk-rest-check", new Seed("{\"symbol\":\"AAPL\",\"side\":\"buy\",\"entry_price\":50.0,\"stop_price\":49.0,\"quantity\":10}", false)),
            Map.entry("risk-rest-update-limits", new Seed("{\"max_open_positions\":3,\"risk_per_trade\":0.005,\"reason\":\"quiet day\"}", false)),
            Map.entry("trading-rest-execute", new Seed("{\"cycle_id\":\"20260106-001\",\"decisions\":[{\"symbol\":\"AAPL\",\"side\":\"long\","
                    + "\"verdict\":\"approved\",\"requested_quantity\":10,\"approved_quantity\":10,\"entry_price\":50.0,\"stop_price\":49.0,"
                    + "\"target_price\":52.0,\"risk_amount\":10.0,\"pattern_type\":\"bull_flag\",\"reason\":\"ok\"}]}", false)),
            // null: a manage step outside any cycle
            Map.entry("trading-rest-manage", new Seed("\"20260106-001\"", true)),
            Map.entry("trading-rest-place-order", new Seed("{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10,\"entry_price\":50.0,"
                    + "\"stop_price\":49.0,\"idempotency_key\":\"fuzz-1\",\"type\":\"market\"}", false)),
            Map.entry("reporting-rest-cycle-report", new Seed("{\"cycle_id\":\"20260106-001\",\"mode\":\"normal\",\"status\":\"completed\","
                    + "\"session_date\":\"2026-01-06\",\"session_time\":\"2026-01-06T16:00:00Z\",\"started_at\":\"2026-01-06T16:00:00Z\","
                    + "\"duration_ms\":240,\"scanned\":500,\"candidates\":100,\"after_news\":35,\"after_pattern\":20,\"after_technical\":10,"
                    + "\"picked\":4,\"approved\":4,\"placed\":4,\"news_status\":\"ok\",\"picked_symbols\":[\"AAPL\"],\"orders\":[],"
                    + "\"step_millis\":{\"scan\":40}}", false)),
            Map.entry("workflow-backtest-rest-start", new Seed("{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\","
                    + "\"to\":\"2011-03-31\",\"cycle_minutes\":5,\"ema_fast\":9,\"ema_slow\":21,\"atr_period\":14,\"atr_multiple\":2.0,"
                    + "\"mode\":\"normal\"}", true)),
            Map.entry("workflow-sweep-rest-start", new Seed("{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\","
                    + "\"to\":\"2011-03-31\",\"grid\":{\"ema_fast\":[5,9],\"ema_slow\":[21,30]},\"objective\":\"sharpe\","
                    + "\"walk_forward\":{\"in_sample_days\":10,\"out_of_sample_days\":5,\"step_days\":5}}", false)));

    /** A body for a route that takes none: any non-empty one is refused. */
    private static final String BODYLESS_SEED = "{\"reason\":\"fuzz\",\"mode\":\"normal\",\"limit\":5}";

    /** One write verb of a REST definition. */
    private record WriteRoute(String id, String method, String path, boolean takesBody, Seed seed) {
    }

    private enum Kind { SYNTAX, TYPE_SWAP, TOP_LEVEL, HOSTILE_NUMBER, DEEP, LONG_STRING, LONG_NUMBER, LONG_NAME, DUPLICATE_KEY, BAD_UTF8,
        CONTENT_TYPE, OVERSIZE, EMPTY, NO_KEY }

    private record Probe(WriteRoute route, Kind kind, byte[] body, String contentType, boolean withKey) {
    }

    /** A strict reader, as the application's mapper is: what it accepts is valid JSON, and a syntax mutation must not be. */
    private final ObjectMapper strict = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyWriteRouteRefusesHostileBodiesWithoutAFaultAndWritesNothing() throws Exception {
        List<WriteRoute> declared = writeRoutes(Path.of("routes"));
        assertThat(declared).as("write routes in routes/*.camel.yaml").hasSizeGreaterThan(15);
        List<String> unseeded = declared.stream().filter(r -> r.takesBody() && r.seed() == null).map(WriteRoute::id).toList();
        assertThat(unseeded).as("body routes without a valid seed body in RestFuzzIT.SEEDS: add one").isEmpty();

        String key = apiKey();
        String url = TestDatabases.fresh(DB);
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/" + DB,
                "CATALYST_API_KEY", key, "CATALYST_SERVICE_TOKEN_SECRET", SERVICE_SECRET);
        try (CatalystProcess app = CatalystProcess.start("rest-fuzz", TestPorts.free(), env, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06", "--catalyst.clock.start-time=11:00",
                "--catalyst.clock.speed=0", "--catalyst.trading.reconcile-interval=1h")) {
            app.awaitHealth("healthy", ofSeconds(300));
            // the seeds name a symbol this market knows, so that they are valid requests and only the mutation is wrong;
            // start-up's last write is the securities master (a one-shot timer): the counts are taken after it
            awaitLog(app, "Securities master holds", Duration.ofSeconds(60));
            String symbol = knownSymbol(url);
            List<WriteRoute> routes = declared.stream().map(r -> r.seed() == null ? r : new WriteRoute(r.id(), r.method(), r.path(), r.takesBody(),
                    new Seed(r.seed().json().replace("AAPL", symbol), r.seed().emptyMeansDefaults()))).toList();
            Map<String, Long> before = rowCounts(url);

            Result result = fire(app.port(), key, routes);

            System.out.printf("RestFuzzIT: %,d hostile bodies (seed %d) at %d write routes in %.1f s: %,.0f requests/s; statuses %s; kinds %s%n",
                    COUNT, SEED, routes.size(), result.seconds(), COUNT / result.seconds(), result.statuses(), result.kinds());
            assertThat(result.failures()).as("answers that break the contract (first 20)").isEmpty();
            assertThat(app.get("/health").statusCode()).as("GET /health after the fuzz; see " + app.log()).isEqualTo(200);
            assertThat(rowCounts(url)).as("row counts of every table after the fuzz").isEqualTo(before);

            // the bodies the mutations started from are requests a route takes (or refuses for the state of things, not
            // for their form): a fuzz of invalid seeds would prove nothing
            for (WriteRoute route : routes.stream().filter(WriteRoute::takesBody).toList()) {
                HttpResponse<String> valid = HttpClient.newHttpClient().send(request(app.port(), key,
                        new Probe(route, Kind.SYNTAX, route.seed().json().getBytes(StandardCharsets.UTF_8), "application/json", true)),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(valid.statusCode()).as("the seed of " + route.id() + " is valid: " + valid.body())
                        .satisfiesAnyOf(code -> assertThat(code).isLessThan(400), code -> assertThat(code).isIn(409, 422));
            }
        }
    }

    private static void awaitLog(CatalystProcess app, String line, Duration limit) {
        await("'" + line + "' in the log; see " + app.log()).atMost(limit).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(app.log()).contains(line));
    }

    private static String knownSymbol(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select symbol from securities order by symbol limit 1")) {
            assertThat(rs.next()).as("the securities master holds the market's symbols").isTrue();
            return rs.getString(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // the routes

    static List<WriteRoute> writeRoutes(Path dir) throws IOException {
        return RouteIds.restOperations(dir).stream().filter(op -> !op.method().equals("GET") && !op.method().equals("HEAD"))
                .map(op -> new WriteRoute(op.id(), op.method(), op.path(), op.takesBody(), SEEDS.get(op.id()))).toList();
    }

    /** The path with its parameters filled: an unknown but well-formed symbol or order id. */
    private static String concretePath(String template) {
        return template.replace("{symbol}", "ZZZZ").replace("{client_order_id}", "CAT-MAN-fuzz").replaceAll("\\{[^}]+}", "x");
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // the bodies

    private Probe probe(WriteRoute route, Random random) throws IOException {
        Kind[] kinds = Kind.values();
        while (true) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            Probe probe = route.takesBody() ? forBodyRoute(route, kind, random) : forBodylessRoute(route, kind, random);
            if (probe != null) {
                return probe;
            }
        }
    }

    /** A body the route must refuse, or null when this kind cannot make one for it. */
    private Probe forBodyRoute(WriteRoute route, Kind kind, Random random) throws IOException {
        String seed = route.seed().json();
        JsonNode tree = json.readTree(seed);
        String body = switch (kind) {
            case SYNTAX -> brokenSyntax(seed, random);
            case TYPE_SWAP -> json.writeValueAsString(swapTypes(tree, random));
            case TOP_LEVEL -> {
                String[] wrong = tree.isObject() ? new String[] {"[]", "[" + seed + "]", "\"" + random.nextInt() + "\"", "true", "0", "-1e2000000000"}
                        : new String[] {"[]", "{}", "[" + seed + "]", "{\"cycle_id\":" + seed + "}", "true", "12345"};
                yield wrong[random.nextInt(wrong.length)];
            }
            case HOSTILE_NUMBER -> !hasNumbers(tree) ? null : random.nextBoolean() ? json.writeValueAsString(hostileNumbers(tree, random))
                    : json.writeValueAsString(oneHostileNumber(tree, random));
            case DEEP -> withField(tree, random, deep(MAX_DEPTH + 1 + random.nextInt(400), random));
            case LONG_STRING -> withField(tree, random, "\"" + "x".repeat(MAX_STRING + 1 + random.nextInt(BODY_LIMIT / 2 - MAX_STRING)) + "\"");
            case LONG_NUMBER -> withField(tree, random, (random.nextBoolean() ? "-" : "") + digits(MAX_NUMBER + 1 + random.nextInt(4000), random));
            case LONG_NAME -> tree.isObject() ? seed.replaceFirst("\\{", "{\"" + "k".repeat(257 + random.nextInt(2000)) + "\":1,") : null;
            case DUPLICATE_KEY -> duplicated(tree, random);
            case EMPTY -> route.seed().emptyMeansDefaults() ? null : random.nextBoolean() ? "" : "null";
            default -> seed;
        };
        if (body == null) {
            return null;
        }
        return switch (kind) {
            case BAD_UTF8 -> new Probe(route, kind, badUtf8(seed.getBytes(StandardCharsets.UTF_8), random), "application/json", true);
            case CONTENT_TYPE -> new Probe(route, kind, body.getBytes(StandardCharsets.UTF_8), wrongContentType(random), true);
            case OVERSIZE -> new Probe(route, kind, oversize(seed, random), "application/json", true);
            // without the key the refusal may be the key's (401/403) or the body's: both are refusals
            case NO_KEY -> new Probe(route, kind, brokenSyntax(seed, random).getBytes(StandardCharsets.UTF_8), "application/json", false);
            default -> new Probe(route, kind, body.getBytes(StandardCharsets.UTF_8), "application/json", true);
        };
    }

    /** Any body at all is refused where the route takes none; an empty one is not sent (it is a valid request). */
    private Probe forBodylessRoute(WriteRoute route, Kind kind, Random random) throws IOException {
        if (kind == Kind.EMPTY) {
            return null;
        }
        Seed seed = new Seed(BODYLESS_SEED, false);
        Probe probe = forBodyRoute(new WriteRoute(route.id(), route.method(), route.path(), true, seed), kind, random);
        return probe == null || probe.body().length == 0 ? null
                : new Probe(route, probe.kind(), probe.body(), probe.contentType(), probe.withKey());
    }

    private String brokenSyntax(String seed, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String broken = switch (random.nextInt(12)) {
                case 0 -> seed.substring(0, random.nextInt(seed.length()));
                case 1 -> insert(seed, random.nextInt(seed.length() + 1), "{}[]:,\"'\\x#/;".charAt(random.nextInt(13)) + "");
                case 2 -> seed.replace('"', '\'');
                case 3 -> seed.replaceFirst("}$|]$", ",$0");
                case 4 -> seed + (random.nextBoolean() ? seed : "}");
                case 5 -> seed.replaceFirst("\\d+(\\.\\d+)?", random.nextBoolean() ? "NaN" : "-Infinity");
                case 6 -> "/* fuzz */" + seed;
                case 7 -> seed.replaceFirst("\"([a-z_]+)\":", "$1:");
                case 8 -> seed.replaceFirst(":(\\d)", ":00$1");
                case 9 -> seed.replaceFirst("\"([A-Za-z])", "\"\u0001$1");
                case 10 -> seed.replaceFirst(":", "=");
                default -> "{" + seed;
            };
            if (!parses(broken)) {
                return broken;
            }
        }
        return "{" + seed;
    }

    /** Whether the text is valid JSON; a blank one counts as valid too (an empty body asks a backtest for its defaults). */
    private boolean parses(String text) {
        try {
            strict.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String insert(String text, int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }

    /** Every value of the root object (or the root itself) turned into a container of the other kind. */
    private static JsonNode swapTypes(JsonNode node, Random random) {
        if (!node.isObject()) {
            return swapped(node, random);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(f -> out.set(f.getKey(), swapped(f.getValue(), random)));
        return out;
    }

    private static JsonNode swapped(JsonNode value, Random random) {
        if (value.isObject()) {
            return JsonNodeFactory.instance.arrayNode().add(value);
        }
        if (value.isArray()) {
            return JsonNodeFactory.instance.objectNode().set("items", value);
        }
        ObjectNode box = JsonNodeFactory.instance.objectNode();
        box.set(random.nextBoolean() ? "value" : "v", value);
        return box;
    }

    private static final String[] HOSTILE = {"1e2000000000", "-1e2000000000", "1e400", "-1e400", "1e20", "-1e20",
            "123456789012345678901234567890", "-99999999999999999999.5", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e2000000000\"",
            "\"-1e2000000000\"", "9.99e307"};

    /** Out of range for any numeric field (int, long, decimal, double, a risk limit) whatever the other fields hold. */
    private static final String[] OUT_OF_ANY_RANGE = {"1e2000000000", "-1e2000000000", "\"1e2000000000\"", "\"-1e2000000000\"", "1e400",
            "-1e400", "1e20", "-1e20", "\"1e20\"", "123456789012345678901234567890"};

    /** One number of the body, picked at random, made unbounded; the rest stays valid, so that this number alone is judged. */
    private JsonNode oneHostileNumber(JsonNode tree, Random random) throws IOException {
        List<JsonNode> numbers = new ArrayList<>();
        collectNumbers(tree, numbers);
        JsonNode target = numbers.get(random.nextInt(numbers.size()));
        String hostile = OUT_OF_ANY_RANGE[random.nextInt(OUT_OF_ANY_RANGE.length)].replace("1e2000000000", "1e" + (2_000_000_000 + random.nextInt(1000)));
        return replaced(tree, target, json.readTree(hostile));
    }

    private static void collectNumbers(JsonNode node, List<JsonNode> out) {
        if (node.isNumber()) {
            out.add(node);
        }
        node.forEach(child -> collectNumbers(child, out));
    }

    /** A copy of {@code node} with the one node {@code target} (by identity) replaced by {@code by}. */
    private static JsonNode replaced(JsonNode node, JsonNode target, JsonNode by) {
        if (node == target) {
            return by;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), replaced(f.getValue(), target, by)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(replaced(child, target, by)));
            return out;
        }
        return node;
    }

    private static boolean hasNumbers(JsonNode node) {
        if (node.isNumber()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasNumbers(child)) {
                return true;
            }
        }
        return false;
    }

    /** Every number in the body replaced by one no route may take: huge, negative-huge, NaN, infinite, too precise. */
    private JsonNode hostileNumbers(JsonNode node, Random random) throws IOException {
        if (node.isNumber()) {
            return json.readTree(HOSTILE[random.nextInt(HOSTILE.length)].replace("1e2000000000", "1e" + (2_000_000_000 + random.nextInt(1000))));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.set(f.getKey(), hostileNumbers(f.getValue(), random));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode child : node) {
                out.add(hostileNumbers(child, random));
            }
            return out;
        }
        return node;
    }

    private static String deep(int depth, Random random) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                open.append("[");
                close.insert(0, "]");
            } else {
                open.append("{\"a\":");
                close.insert(0, "}");
            }
        }
        return open + "1" + close;
    }

    private static String digits(int n, Random random) {
        StringBuilder out = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** The seed with one of its fields (or, for a scalar root, the root) replaced by {@code value}, a JSON text the parser refuses. */
    private String withField(JsonNode tree, Random random, String value) throws IOException {
        if (!tree.isObject() || tree.isEmpty()) {
            return random.nextBoolean() ? value : "[" + value + "]";
        }
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        String target = names.get(random.nextInt(names.size()));
        StringBuilder out = new StringBuilder("{");
        for (String name : names) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(json.writeValueAsString(name)).append(':').append(name.equals(target) ? value : json.writeValueAsString(tree.get(name)));
        }
        return out.append('}').toString();
    }

    private String duplicated(JsonNode tree, Random random) throws IOException {
        if (!tree.isObject() || tree.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        String body = json.writeValueAsString(tree);
        // the same key again, with the same value or a different one: either way the body is ambiguous
        String again = json.writeValueAsString(name) + ":" + (random.nextBoolean() ? json.writeValueAsString(tree.get(name)) : "1");
        return body.substring(0, body.length() - 1) + "," + again + "}";
    }

    private static byte[] badUtf8(byte[] seed, Random random) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        // inside a string value when there is one, where a lenient reader would pass it on
        int quote = new String(seed, StandardCharsets.ISO_8859_1).indexOf("\":\"");
        int at = quote >= 0 && random.nextBoolean() ? quote + 3 : random.nextInt(seed.length + 1);
        byte[] out = new byte[seed.length + insert.length];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(seed, at, out, at + insert.length, seed.length - at);
        return out;
    }

    private static String wrongContentType(Random random) {
        String[] types = {null, "text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=fuzz",
                "application/json; charset=ISO-8859-1", "application/octet-stream", "text/json", "application/jsonx", "*/*"};
        return types[random.nextInt(types.length)];
    }

    /** The valid seed padded past the limit: only its size is wrong. */
    private static byte[] oversize(String seed, Random random) {
        int size = BODY_LIMIT + 1 + random.nextInt(3 * BODY_LIMIT);
        return (" ".repeat(Math.max(0, size - seed.length())) + seed).getBytes(StandardCharsets.UTF_8);
    }

    private static String apiKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------------
    // sending and judging

    private record Result(double seconds, Map<Integer, Long> statuses, Map<Kind, Long> kinds, List<String> failures) {
    }

    /** Body {@code i} of the run: its own generator, so that a run is the same whatever thread sends which body. */
    private Probe probe(List<WriteRoute> routes, int i) throws IOException {
        Random random = new Random(SEED * 1_000_003L + i);
        return probe(routes.get(random.nextInt(routes.size())), random);
    }

    private Result fire(int port, String key, List<WriteRoute> routes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Kind, LongAdder> kinds = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            sent.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < COUNT; i = next.getAndIncrement()) {
                    String failure;
                    Probe p;
                    try {
                        p = probe(routes, i);
                    } catch (IOException e) {
                        throw new UncheckedIOException("body " + i + " of seed " + SEED, e);
                    }
                    kinds.computeIfAbsent(p.kind(), k -> new LongAdder()).increment();
                    try {
                        HttpResponse<String> response = http.send(request(port, key, p), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                        failure = judge(p, response.statusCode(), response.body());
                    } catch (IOException e) {
                        failure = "no answer (" + e + ")";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (failure != null && failures.size() < 20) {
                        failures.add(p.route().method() + " " + p.route().path() + " [" + p.kind() + ", " + p.contentType() + "] "
                                + shown(p.body()) + " -> " + failure);
                    }
                }
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the fuzz finished within 10 minutes").isTrue();
        for (Future<?> worker : sent) {
            worker.get(); // a generator's fault fails the test here rather than ending a worker quietly
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> s = new TreeMap<>();
        statuses.forEach((k, v) -> s.put(k, v.sum()));
        Map<Kind, Long> k = new TreeMap<>();
        kinds.forEach((kind, v) -> k.put(kind, v.sum()));
        return new Result(seconds, s, k, List.copyOf(failures));
    }

    private static HttpRequest request(int port, String key, Probe p) {
        String url = "http://127.0.0.1:" + port + concretePath(p.route().path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).method(p.route().method(), HttpRequest.BodyPublishers.ofByteArray(p.body()));
        if (p.contentType() != null) {
            builder.header("Content-Type", p.contentType());
        }
        if (p.withKey()) {
            builder.header("Authorization", INTERNAL.contains(p.route().path()) ? workflowToken(p.route().method(), url) : "Bearer " + key);
        }
        return builder.build();
    }

    /** The order path's internal doors take the workflow's service token, never the trader's key (docs/security.md). */
    private static String workflowToken(String method, String url) {
        try {
            return WORKFLOW.bearer(method, url);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Null when the answer keeps the contract: a refusal (4xx) in JSON that names no Java internals. */
    private String judge(Probe p, int status, String body) {
        if (status >= 500) {
            return "HTTP " + status + " " + shown(body);
        }
        if (status < 400) {
            return "accepted (HTTP " + status + "): every fuzz body is invalid, so this route took one it should refuse: " + shown(body);
        }
        if ((status == 401 || status == 403) && p.withKey()) {
            return "HTTP " + status + " although the key was sent: " + shown(body);
        }
        for (String sign : STACK_TRACE_SIGNS) {
            if (body.contains(sign)) {
                return "HTTP " + status + " with '" + sign + "' in the body: " + shown(body);
            }
        }
        if (status != 401 && status != 403) {
            try {
                if (!json.readTree(body).hasNonNull("error")) {
                    return "HTTP " + status + " without an error field: " + shown(body);
                }
            } catch (IOException e) {
                return "HTTP " + status + " with a body that is no JSON: " + shown(body);
            }
        }
        return null;
    }

    private static String shown(byte[] body) {
        return shown(new String(body, StandardCharsets.UTF_8));
    }

    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }

    /** Rows of every table of the schema: a write route that took a body would change one. */
    private static Map<String, Long> rowCounts(String url) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        assertThat(counts).containsKeys("orders", "positions", "risk_decisions", "risk_limit_changes", "cycle_reports", "backtest_runs");
        return counts;
    }
}
