package com.catalyst.adapters.alphavantage;

import com.catalyst.news.NewsBySymbol;
import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsPort;
import com.catalyst.news.NewsSourceClient;
import com.catalyst.news.NewsSourceException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpha Vantage's {@code NEWS_SENTIMENT} ({@code GET /query?function=NEWS_SENTIMENT}), which scores every story for
 * every ticker it names ({@code ticker_sentiment[].ticker_sentiment_score}, a string in about [-1, 1]); the items carry
 * that score and NewsAnalyzer uses it instead of its word list.
 * <p>
 * Batching: Alpha Vantage reads {@code tickers=A,B} as stories that name A <em>and</em> B, so many candidates cannot
 * share a ticker filter. One candidate is asked with {@code tickers=}; more are served by one market-wide request (no
 * ticker filter, the newest {@code limit} stories of the window, at most 1000) whose stories are kept for the asked
 * candidates they score. One request a refresh, whatever the number of candidates (docs/news.md has the limits).
 * <p>
 * The key must travel in the query ({@code apikey=}): no message, exception or log line carries the URL or the key.
 * Limits and refusals come back as HTTP 200 with {@code {"Information": …}}, {@code {"Note": …}} or
 * {@code {"Error Message": …}}: each is a clear error, never empty news.
 */
public final class AlphaVantageNewsFeed implements NewsPort {

    public static final String KEY_VARIABLE = "ALPHA_VANTAGE_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageNewsFeed.class);
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /**
     * @param limit stories of one answer (Alpha Vantage's maximum is 1000)
     * @param zone  the zone of {@code time_published} and {@code time_from}: Alpha Vantage does not document it (docs/news.md)
     */
    public record Settings(URI url, int limit, ZoneId zone) {
    }

    private final Settings settings;
    private final String apiKey;
    private final NewsGate gate;
    private final NewsSourceClient client;
    private final ObjectMapper json = new ObjectMapper();

    public AlphaVantageNewsFeed(String apiKey, Settings settings, NewsSourceClient.Settings http, NewsGate gate, Clock clock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("catalyst.news.adapter=alphavantage needs " + KEY_VARIABLE + " (the key from alphavantage.co)");
        }
        this.apiKey = apiKey;
        this.settings = settings;
        this.gate = gate;
        this.client = new NewsSourceClient("Alpha Vantage", "catalyst.news.alphavantage.requests-per-day", http, clock, List.of(apiKey));
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        Set<String> asked = new LinkedHashSet<>(symbols);
        if (asked.isEmpty()) {
            return Map.of();
        }
        String tickers = asked.size() == 1 ? "&tickers=" + encode(asked.iterator().next()) : "";
        URI uri = settings.url().resolve("/query?function=NEWS_SENTIMENT" + tickers + "&time_from=" + queryTime(from)
                + "&time_to=" + queryTime(to) + "&sort=LATEST&limit=" + settings.limit() + "&apikey=" + encode(apiKey));
        NewsSourceClient.Answer answer = client.get(uri, Map.of());
        JsonNode body = read(answer.body());
        if (answer.status() != 200) {
            throw new NewsSourceException("Alpha Vantage answered HTTP " + answer.status() + ": " + message(body));
        }
        if (body != null) {
            refuseOnNotice(body);
        }
        if (body == null || !body.path("feed").isArray()) {
            gate.unparseable();
            return NewsBySymbol.group(List.of(), asked, from, to);
        }
        List<NewsItem> items = new ArrayList<>();
        body.path("feed").forEach(story -> items.addAll(admit(story, asked)));
        return NewsBySymbol.group(items, asked, from, to);
    }

    /** A story's items for the asked candidates it scores; a story about none of them was not asked for and is passed over. */
    private List<NewsItem> admit(JsonNode story, Set<String> asked) {
        Map<String, Double> scores = new HashMap<>();
        List<String> tickers = new ArrayList<>();
        for (JsonNode t : story.path("ticker_sentiment")) {
            String ticker = NewsGate.symbol(t.path("ticker").asText(null));
            if (ticker != null && asked.contains(ticker)) {
                tickers.add(ticker);
                Double score = number(t.path("ticker_sentiment_score").asText(null));
                if (score != null) {
                    scores.put(ticker, score);
                }
            }
        }
        if (tickers.isEmpty()) {
            return List.of();
        }
        String url = text(story, "url");
        return gate.admit(url == null ? null : "alphavantage-" + url, tickers, text(story, "title"), text(story, "summary"),
                story.path("source").asText("alphavantage"), url, published(text(story, "time_published")), scores);
    }

    /** Alpha Vantage's refusals arrive as HTTP 200: an error message, or a notice about the plan's request limits. */
    private void refuseOnNotice(JsonNode body) {
        if (body.has("Error Message")) {
            throw new NewsSourceException("Alpha Vantage refused the request: " + client.redact(body.path("Error Message").asText())
                    + " (check " + KEY_VARIABLE + ")");
        }
        String notice = body.has("Information") ? body.path("Information").asText() : body.has("Note") ? body.path("Note").asText() : null;
        if (notice != null) {
            Instant until = client.rest();
            LOG.warn("Alpha Vantage declined the request (a plan limit): no request before {}", until);
            throw new NewsSourceException("Alpha Vantage declined the request: " + client.redact(notice) + " No request before " + until
                    + "; the free key allows about 25 requests a day (catalyst.news.alphavantage.requests-per-day, refresh)");
        }
    }

    private String message(JsonNode body) {
        if (body == null) {
            return "no readable body";
        }
        for (String field : List.of("Error Message", "Information", "Note")) {
            if (body.has(field)) {
                return client.redact(body.path(field).asText());
            }
        }
        return "no message";
    }

    private String queryTime(Instant t) {
        return QUERY_TIME.format(t.atZone(settings.zone()));
    }

    private Instant published(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text, PUBLISHED).atZone(settings.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = body == null ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            double d = text == null ? Double.NaN : Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
