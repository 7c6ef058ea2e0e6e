package com.catalyst.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trader's watchlist over real HTTP and PostgreSQL on the simulated market frozen at 11:00: symbols added through
 * the REST API are ranked by every scan, a hand-made one and a cycle's (recorded in scan_results), even when the
 * scanner's filters drop them; a symbol a filter dropped is marked with that filter and goes no further than the scan;
 * bad input is a 400 naming the field; the list's size is bounded.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = "catalyst.scanner.watchlist-max-symbols=4")
class WatchlistIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalystHttp http;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyWatchlist() {
        jdbc.update("delete from watchlist");
    }

    @Test
    void theSetUpGaveThisClassADatabaseOfItsOwnAndAClientToItsPort() {
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("catalyst_it_watchlist_it");
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void watchlistSymbolsAreRankedByEveryScanEvenWhenTheFiltersDropThem() throws Exception {
        // the scanner's own view: which symbols pass the filters, which do not
        JsonNode all = scan(1000);
        Set<String> passing = new TreeSet<>();
        all.get("candidates").forEach(c -> passing.add(c.get("symbol").asText()));
        List<String> universe = jdbc.queryForList("select symbol from securities order by symbol", String.class);
        List<String> dropped = universe.stream().filter(s -> !passing.contains(s)).toList();
        assertThat(dropped).as("symbols the default filters drop on this market (rejected_by " + all.get("rejected_by") + ")").isNotEmpty();
        assertThat(passing).hasSizeGreaterThan(2);
        String top = all.get("candidates").get(0).get("symbol").asText();
        String belowTheCut = all.get("candidates").get(2).get("symbol").asText();
        String filteredOut = dropped.get(0);

        // added by HTTP, lower case accepted (a ticker is case-insensitive), with a note
        HttpResponse<String> added = post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + filteredOut.toLowerCase() + "\",\"note\":\"earnings tonight\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode entry = json.readTree(added.body());
        assertThat(entry.get("symbol").asText()).isEqualTo(filteredOut);
        assertThat(entry.get("note").asText()).isEqualTo("earnings tonight");
        assertThat(entry.get("added").asBoolean()).isTrue();
        assertThat(entry.get("added_at").asText()).isNotBlank();
        assertThat(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + belowTheCut + "\"}").statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + top + "\"}").statusCode()).isEqualTo(201);
        // again: listed already, 200, its date kept and its note kept when none is given
        HttpResponse<String> again = post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + filteredOut + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("added").asBoolean()).isFalse();
        assertThat(json.readTree(again.body()).get("note").asText()).isEqualTo("earnings tonight");
        assertThat(json.readTree(again.body()).get("added_at").asText()).isEqualTo(entry.get("added_at").asText());

        JsonNode listed = json.readTree(get("/api/v1/scanner/watchlist").body());
        List<String> listedSymbols = new ArrayList<>();
        listed.forEach(e -> listedSymbols.add(e.get("symbol").asText()));
        assertThat(listedSymbols).containsExactlyElementsOf(new TreeSet<>(List.of(filteredOut, belowTheCut, top)));
        assertThat(listed.get(0).has("name")).as("the company name from the securities master: " + listed).isTrue();

        // a hand-made scan keeping the top 1: the top, then the two others of the watchlist
        JsonNode one = scan(1);
        Map<String, JsonNode> bySymbol = bySymbol(one.get("candidates"));
        assertThat(one.get("candidates")).hasSize(3);
        assertThat(one.get("candidates").get(0).get("symbol").asText()).isEqualTo(top);
        assertThat(one.get("candidates").get(0).get("watchlist").asBoolean()).isTrue();
        assertThat(bySymbol.get(belowTheCut).get("watchlist").asBoolean()).isTrue();
        assertThat(bySymbol.get(belowTheCut).has("filtered_by")).as("it passed every filter").isFalse();
        assertThat(bySymbol.get(filteredOut).get("watchlist").asBoolean()).isTrue();
        assertThat(bySymbol.get(filteredOut).get("filtered_by").asText()).isIn("bars", "price", "average_volume", "relative_volume",
                "gap", "momentum", "atr");
        assertThat(bySymbol.get(filteredOut).get("rank").asInt()).isGreaterThan(1);
        assertThat(one.get("passed_filters").asInt()).as("the funnel's counts stay the filters' own").isEqualTo(all.get("passed_filters").asInt());
        assertThat(one.get("watchlist_missing")).isEmpty();

        // a cycle's scan ranks them too, recorded after the top with the mark and the filter
        HttpResponse<String> cycle = post("/api/v1/workflow/cycles", "");
        assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(200);
        String cycleId = json.readTree(cycle.body()).get("cycle_id").asText();
        List<Map<String, Object>> rows = jdbc.queryForList("select s.symbol, r.rank, cast(r.scan_metadata as text) as metadata from scan_results r"
                + " join securities s using (security_id) where r.cycle_id = ? order by r.rank", cycleId);
        Map<String, Map<String, Object>> recorded = new HashMap<>();
        rows.forEach(r -> recorded.put((String) r.get("symbol"), r));
        assertThat(recorded).containsKeys(top, belowTheCut, filteredOut);
        JsonNode metadata = json.readTree((String) recorded.get(filteredOut).get("metadata"));
        assertThat(metadata.get("watchlist").asBoolean()).isTrue();
        assertThat(metadata.get("filtered_by").asText()).isEqualTo(bySymbol.get(filteredOut).get("filtered_by").asText());
        int filteredRank = (Integer) recorded.get(filteredOut).get("rank");
        assertThat(rows.stream().filter(r -> !r.get("metadata").toString().contains("\"watchlist\"")).mapToInt(r -> (Integer) r.get("rank")))
                .as("the ranked survivors come before a watchlist symbol a filter dropped").allMatch(rank -> rank < filteredRank);
        assertThat(rows.stream().mapToInt(r -> (Integer) r.get("rank")).distinct().count()).isEqualTo(rows.size());
        // and the candidates endpoint shows it as the latest scan
        JsonNode latest = json.readTree(get("/api/v1/scanner/candidates?limit=1000").body());
        assertThat(bySymbol(latest)).containsKey(filteredOut);
        // reported, not traded: nothing past the scan was decided for the dropped symbol
        assertThat(jdbc.queryForObject("select count(*) from risk_decisions d join securities s using (security_id) where d.cycle_id = ? and s.symbol = ?",
                Integer.class, cycleId, filteredOut)).isZero();

        // removed: the next scan leaves it to the filters again
        HttpResponse<String> removed = delete("/api/v1/scanner/watchlist/" + filteredOut);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(json.readTree(removed.body()).get("remaining").asInt()).isEqualTo(2);
        assertThat(bySymbol(scan(1).get("candidates"))).doesNotContainKey(filteredOut).containsKeys(top, belowTheCut);
        HttpResponse<String> gone = delete("/api/v1/scanner/watchlist/" + filteredOut);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);
        assertThat(json.readTree(gone.body()).get("error").asText()).contains(filteredOut);
    }

    @Test
    void badInputIsA400NamingTheFieldAndTheListIsBounded() throws Exception {
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":\"AA$\"}"), "symbol");
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":\"TOOLONGSYMBOL\"}"), "symbol");
        assertField(post("/api/v1/scanner/watchlist", "{\"note\":\"no symbol\"}"), "symbol");
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":\"NOSUCH\"}"), "symbol");
        assertThat(json.readTree(post("/api/v1/scanner/watchlist", "{\"symbol\":\"NOSUCH\"}").body()).get("error").asText())
                .contains("universe");
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":[\"AAPL\"]}"), "symbol");
        List<String> universe = jdbc.queryForList("select symbol from securities order by symbol limit 5", String.class);
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + universe.get(0) + "\",\"note\":\"" + "x".repeat(201) + "\"}"), "note");
        assertField(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + universe.get(0) + "\",\"note\":\"two\\nlines\"}"), "note");
        assertField(delete("/api/v1/scanner/watchlist/A$B"), "symbol");
        HttpResponse<String> noBody = post("/api/v1/scanner/watchlist", "");
        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from watchlist", Integer.class)).as("nothing refused was written").isZero();

        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + universe.get(i) + "\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> full = post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + universe.get(4) + "\"}");
        assertThat(full.statusCode()).as(full.body()).isEqualTo(409);
        assertThat(json.readTree(full.body()).get("max_symbols").asInt()).isEqualTo(4);
        // a symbol listed already is still answered when the list is full
        assertThat(post("/api/v1/scanner/watchlist", "{\"symbol\":\"" + universe.get(0) + "\",\"note\":\"new note\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select note from watchlist where symbol = ?", String.class, universe.get(0))).isEqualTo("new note");
    }

    private void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asText()).as(response.body()).isEqualTo(field);
    }

    private JsonNode scan(int limit) throws Exception {
        HttpResponse<String> response = post("/api/v1/scanner/scan", "{\"limit\":" + limit + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static Map<String, JsonNode> bySymbol(JsonNode candidates) {
        Map<String, JsonNode> out = new HashMap<>();
        candidates.forEach(c -> out.put(c.get("symbol").asText(), c));
        return out;
    }

    private HttpResponse<String> get(String path) {
        return http.get(path);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.post(path, body);
    }

    private HttpResponse<String> delete(String path) {
        return http.delete(path);
    }
}
