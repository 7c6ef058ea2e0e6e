package com.catalyst.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-symbol APIs over real HTTP, PostgreSQL and Redis, with the simulated clock frozen at 11:00 (90 bars into the
 * session): the technical series has the asked window, a second call is a cache hit in /actuator/prometheus, a
 * pattern comes with the bars that form it, a short session is a 422 with both counts, and bad input a 400 naming the
 * field.
 */
// Spring Boot's tests turn the Prometheus endpoint off unless asked: this test reads it
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@CatalystIntegrationTest
class SymbolApiIT {


    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Answers cached by an earlier run within the last minute would turn the first call into a hit. */
    @BeforeEach
    void emptyApiCache() {
        Set<String> keys = redis.keys("catalyst:api:*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @Test
    void theTechnicalSeriesHasTheWindowAndTheSecondCallIsACacheHit() throws Exception {
        String symbol = topCandidate();
        double hits = cacheCount("technical", "hit");
        double misses = cacheCount("technical", "miss");

        HttpResponse<String> first = get("/api/v1/technical/" + symbol + "?window=45");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode answer = json.readTree(first.body());
        assertThat(answer.get("window").asInt()).isEqualTo(45);
        assertThat(answer.get("session_bars").asInt()).isEqualTo(90);
        assertThat(answer.get("series")).hasSize(45);
        JsonNode last = answer.get("series").get(44);
        assertThat(last.get("time").asText()).isEqualTo(answer.get("latest").get("bar_time").asText());
        assertThat(last.get("rsi").asDouble()).isEqualTo(answer.get("latest").get("rsi").asDouble());
        assertThat(last.has("close") && last.has("volume") && last.has("signal_score") && last.has("atr")).isTrue();
        assertThat(cacheCount("technical", "miss")).as(cacheLines()).isEqualTo(misses + 1);
        assertThat(cacheCount("technical", "hit")).isEqualTo(hits);

        HttpResponse<String> second = get("/api/v1/technical/" + symbol + "?window=45");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(cacheCount("technical", "hit")).isEqualTo(hits + 1);
        assertThat(cacheCount("technical", "miss")).isEqualTo(misses + 1);
        Long ttl = redis.getExpire("catalyst:api:technical:" + symbol + ":2026-01-06T16:00:00Z:45");
        assertThat(ttl).isBetween(1L, 60L);

        JsonNode byDefault = json.readTree(get("/api/v1/technical/" + symbol).body());
        assertThat(byDefault.get("window").asInt()).isEqualTo(30);
        assertThat(byDefault.get("series")).hasSize(30);
    }

    @Test
    void aPatternComesWithTheBarsThatFormItAndIsCachedToo() throws Exception {
        JsonNode withFindings = null;
        for (JsonNode candidate : scan().get("candidates")) {
            JsonNode report = json.readTree(get("/api/v1/pattern/" + candidate.get("symbol").asText()).body());
            if (report.get("findings").size() > 0) {
                withFindings = report;
                break;
            }
        }
        assertThat(withFindings).as("some candidate shows a pattern in its last 15 bars").isNotNull();
        for (JsonNode finding : withFindings.get("findings")) {
            JsonNode bars = finding.get("bars");
            assertThat(bars.size()).isPositive();
            assertThat(bars.get(0).get("time").asText()).isEqualTo(finding.get("first_bar_time").asText());
            assertThat(bars.get(bars.size() - 1).get("time").asText()).isEqualTo(finding.get("last_bar_time").asText());
            assertThat(finding.get("confidence").asDouble()).isBetween(0.0, 1.0);
        }
        double hits = cacheCount("pattern", "hit");
        HttpResponse<String> again = get("/api/v1/pattern/" + withFindings.get("symbol").asText());
        assertThat(json.readTree(again.body())).isEqualTo(withFindings);
        assertThat(cacheCount("pattern", "hit")).isEqualTo(hits + 1);
    }

    @Test
    void tooLittleHistoryIsA422WithBothCounts() throws Exception {
        HttpResponse<String> longWindow = get("/api/v1/technical/" + topCandidate() + "?window=200");
        assertThat(longWindow.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(longWindow.body());
        assertThat(error.get("error").asText()).isEqualTo("not enough bars (have 90, need 200)");
        assertThat(error.get("have").asInt()).isEqualTo(90);
        assertThat(error.get("need").asInt()).isEqualTo(200);

        HttpResponse<String> noBars = get("/api/v1/technical/NOSUCH");
        assertThat(noBars.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noBars.body()).get("error").asText()).isEqualTo("not enough bars (have 0, need 34)");
        HttpResponse<String> noPatternBars = get("/api/v1/pattern/NOSUCH");
        assertThat(noPatternBars.statusCode()).isEqualTo(422);
        assertThat(json.readTree(noPatternBars.body()).get("error").asText()).isEqualTo("not enough bars (have 0, need 20)");
    }

    @Test
    void aBadSymbolOrWindowIsA400NamingTheField() throws Exception {
        assertField(get("/api/v1/technical/not%20a%20symbol"), "symbol");
        assertField(get("/api/v1/pattern/1ABC"), "symbol");
        String symbol = topCandidate();
        assertField(get("/api/v1/technical/" + symbol + "?window=abc"), "window");
        assertField(get("/api/v1/technical/" + symbol + "?window=0"), "window");
        assertField(get("/api/v1/technical/" + symbol + "?window=391"), "window");
    }

    @Test
    void theScanAnswerCountsWhatEachFilterRejected() throws Exception {
        JsonNode scan = scan();
        JsonNode rejected = scan.get("rejected_by");
        int total = 0;
        for (String filter : new String[] {"bars", "price", "average_volume", "relative_volume", "gap", "momentum", "atr"}) {
            assertThat(rejected.has(filter)).as(filter).isTrue();
            total += rejected.get(filter).asInt();
        }
        assertThat(total + scan.get("passed_filters").asInt()).isEqualTo(scan.get("scanned").asInt());
        assertThat(scan.get("candidates").get(0).has("atr_percent")).isTrue();
    }

    private void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    private String topCandidate() throws Exception {
        return scan().get("candidates").get(0).get("symbol").asText();
    }

    private JsonNode scan() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/scanner/scan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"limit\": 20}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The value of catalyst_cache_requests_total for one cache and result, 0 before the first lookup. */
    private double cacheCount(String cache, String result) throws Exception {
        String metrics = get("/actuator/prometheus").body();
        Matcher m = Pattern.compile("catalyst_cache_requests_total\\{[^}]*cache=\"" + cache + "\",[^}]*result=\"" + result
                + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private String cacheLines() throws Exception {
        return String.join("\n", get("/actuator/prometheus").body().lines().filter(l -> l.contains("catalyst_")).toList());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
