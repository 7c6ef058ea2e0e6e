package com.catalyst.adapters.alpaca;

import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Alpaca's news API ({@code GET /v1beta1/news}): one symbol, a time window, pages of at most 50 followed through
 * {@code next_page_token}. The key pair goes in the APCA-API-KEY-ID / APCA-API-SECRET-KEY headers and nowhere else:
 * no message or log line carries it. Each story passes the NewsGate; a body that is not the documented JSON is
 * dropped as unparseable.
 */
public final class AlpacaNewsFeed implements NewsPort {

    /** Alpaca's maximum page size. */
    static final int PAGE_LIMIT = 50;
    /** A symbol's day of news fits in a few pages; more is a loop we refuse to follow. */
    static final int MAX_PAGES = 10;

    private final URI baseUrl;
    private final String keyId;
    private final String secretKey;
    private final NewsGate gate;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public AlpacaNewsFeed(URI baseUrl, String keyId, String secretKey, NewsGate gate, Duration timeout) {
        if (keyId == null || keyId.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalStateException("catalyst.news.adapter=alpaca needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        }
        this.baseUrl = baseUrl;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.gate = gate;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<NewsItem> news(String symbol, Instant from, Instant to) {
        List<NewsItem> items = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = fetch(symbol, from, to, pageToken);
            if (body == null) {
                break;
            }
            for (JsonNode story : body.path("news")) {
                items.addAll(admit(story));
            }
            pageToken = body.path("next_page_token").isTextual() ? body.path("next_page_token").asText() : null;
            if (pageToken == null || pageToken.isEmpty()) {
                break;
            }
        }
        items.sort(Comparator.comparing(NewsItem::publishedAt).reversed());
        return items;
    }

    /** One page, or null when the body is not the documented JSON object (counted as unparseable). */
    private JsonNode fetch(String symbol, Instant from, Instant to, String pageToken) {
        String query = "symbols=" + encode(symbol) + "&start=" + encode(from.toString()) + "&end=" + encode(to.toString())
                + "&limit=" + PAGE_LIMIT + "&sort=desc" + (pageToken == null ? "" : "&page_token=" + encode(pageToken));
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1beta1/news?" + query))
                .timeout(timeout)
                .header("APCA-API-KEY-ID", keyId)
                .header("APCA-API-SECRET-KEY", secretKey)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Alpaca news did not answer for " + symbol + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Alpaca news for " + symbol, e);
        }
        if (response.statusCode() != 200) {
            // the status says enough (401 bad keys, 429 rate limit); the request, with its headers, is not repeated here
            throw new IllegalStateException("Alpaca news answered HTTP " + response.statusCode() + " for " + symbol);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.isObject() && body.path("news").isArray()) {
                return body;
            }
        } catch (IOException e) {
            // falls through to the counted drop below
        }
        gate.unparseable();
        return null;
    }

    private List<NewsItem> admit(JsonNode story) {
        Instant created = instant(story.path("created_at").asText(null));
        List<String> symbols = new ArrayList<>();
        story.path("symbols").forEach(s -> symbols.add(s.asText()));
        String id = story.path("id").asText(null);
        String headline = story.path("headline").isTextual() ? story.path("headline").asText() : null;
        return gate.admit(id == null ? null : "alpaca-" + id, symbols, headline, text(story, "summary"),
                story.path("source").asText("alpaca"), text(story, "url"), created);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
