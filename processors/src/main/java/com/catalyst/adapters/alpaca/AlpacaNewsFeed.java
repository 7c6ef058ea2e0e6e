package com.catalyst.adapters.alpaca;

import com.catalyst.news.NewsBySymbol;
import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsPort;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Alpaca's news API ({@code GET /v1beta1/news}) for many symbols a request: the candidates in chunks of
 * {@code symbolsPerRequest}, pages of at most 50 stories followed through {@code next_page_token} up to
 * {@code maxPages} a chunk. Every request goes through the process's one {@link AlpacaRest}: its key headers, its
 * shared rate limiter and its retries (429 with Retry-After, 5xx, timeouts). A story naming several candidates is an
 * item for each. Each story passes the NewsGate; a page that is not the documented JSON is counted as unparseable and
 * the other pages and chunks are still served.
 */
public final class AlpacaNewsFeed implements NewsPort {

    /** Alpaca's maximum page size. */
    static final int PAGE_LIMIT = 50;
    static final String PATH = "/v1beta1/news";

    private final AlpacaRest rest;
    private final URI dataUrl;
    private final NewsGate gate;
    private final int symbolsPerRequest;
    private final int maxPages;

    /**
     * @param symbolsPerRequest symbols in one request's {@code symbols=} (50 keeps the URL near 300 characters)
     * @param maxPages          pages followed per chunk; a busy day's news beyond them is the oldest, and is left out
     */
    public AlpacaNewsFeed(AlpacaRest rest, URI dataUrl, NewsGate gate, int symbolsPerRequest, int maxPages) {
        if (!rest.hasKeys()) {
            throw new IllegalStateException("catalyst.news.adapter=alpaca needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        }
        if (symbolsPerRequest < 1 || maxPages < 1) {
            throw new IllegalArgumentException("catalyst.news.alpaca-symbols-per-request and alpaca-max-pages must be at least 1");
        }
        this.rest = rest;
        this.dataUrl = dataUrl;
        this.gate = gate;
        this.symbolsPerRequest = symbolsPerRequest;
        this.maxPages = maxPages;
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        List<String> asked = List.copyOf(new LinkedHashSet<>(symbols));
        List<NewsItem> items = new ArrayList<>();
        for (int start = 0; start < asked.size(); start += symbolsPerRequest) {
            items.addAll(chunk(asked.subList(start, Math.min(asked.size(), start + symbolsPerRequest)), from, to));
        }
        return NewsBySymbol.group(items, asked, from, to);
    }

    /** One chunk's pages; a refusal (401, 403) or Alpaca unavailable after the retries fails the whole call. */
    private List<NewsItem> chunk(List<String> symbols, Instant from, Instant to) {
        String query = "symbols=" + symbols.stream().map(AlpacaRest::encode).collect(Collectors.joining(","))
                + "&start=" + AlpacaRest.encode(from.toString()) + "&end=" + AlpacaRest.encode(to.toString())
                + "&limit=" + PAGE_LIMIT + "&sort=desc";
        List<NewsItem> items = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < maxPages; page++) {
            JsonNode body;
            try {
                body = rest.getJson(dataUrl, PATH + "?" + query + (pageToken == null ? "" : "&page_token=" + AlpacaRest.encode(pageToken)));
            } catch (AlpacaRest.UnreadableAnswer e) {
                gate.unparseable();
                break; // without the body there is no next page token: the chunk ends here, the others go on
            }
            if (!body.isObject() || !body.path("news").isArray()) {
                gate.unparseable();
                break;
            }
            body.path("news").forEach(story -> items.addAll(admit(story)));
            JsonNode next = body.path("next_page_token");
            pageToken = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (pageToken == null) {
                break;
            }
        }
        return items;
    }

    private List<NewsItem> admit(JsonNode story) {
        List<String> symbols = new ArrayList<>();
        story.path("symbols").forEach(s -> symbols.add(s.asText()));
        String id = story.path("id").asText(null);
        String headline = story.path("headline").isTextual() ? story.path("headline").asText() : null;
        return gate.admit(id == null ? null : "alpaca-" + id, symbols, headline, text(story, "summary"),
                story.path("source").asText("alpaca"), text(story, "url"), instant(story.path("created_at").asText(null)));
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
}
