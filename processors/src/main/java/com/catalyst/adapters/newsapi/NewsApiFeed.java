package com.catalyst.adapters.newsapi;

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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NewsAPI's {@code GET /v2/everything} (newsapi.org). NewsAPI has no ticker field, so symbols are mapped by text: each
 * chunk of candidates is one query {@code "AAPL" OR "MSFT" OR …} searched in titles and descriptions, and a story
 * counts for the candidates whose ticker its title or description names as a word in capitals ({@code AAPL},
 * {@code $AAPL}, {@code (NASDAQ: AAPL)}); a story that names a company only by its name is not attributed
 * (docs/news.md says what that misses). The key goes in the {@code X-Api-Key} header only. NewsAPI's error answer
 * ({@code "status":"error","code":…}) becomes a clear error; {@code rateLimited} and {@code apiKeyExhausted} also rest
 * the source for its cool-down instead of retrying at once.
 */
public final class NewsApiFeed implements NewsPort {

    public static final String KEY_VARIABLE = "NEWS_API_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(NewsApiFeed.class);

    /**
     * @param symbolsPerRequest tickers in one query (NewsAPI caps {@code q} at 500 characters: 20 fit easily)
     * @param pageSize          stories of one answer, newest first (NewsAPI's maximum is 100); one page a chunk
     */
    public record Settings(URI url, int symbolsPerRequest, int pageSize, String language) {
    }

    private final Settings settings;
    private final String apiKey;
    private final NewsGate gate;
    private final NewsSourceClient client;
    private final ObjectMapper json = new ObjectMapper();

    public NewsApiFeed(String apiKey, Settings settings, NewsSourceClient.Settings http, NewsGate gate, Clock clock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("catalyst.news.adapter=newsapi needs " + KEY_VARIABLE + " (the key from newsapi.org)");
        }
        this.apiKey = apiKey;
        this.settings = settings;
        this.gate = gate;
        this.client = new NewsSourceClient("NewsAPI", "catalyst.news.newsapi.requests-per-day", http, clock, List.of(apiKey));
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        List<String> asked = List.copyOf(new LinkedHashSet<>(symbols));
        List<NewsItem> items = new ArrayList<>();
        for (int start = 0; start < asked.size(); start += settings.symbolsPerRequest()) {
            items.addAll(chunk(asked.subList(start, Math.min(asked.size(), start + settings.symbolsPerRequest())), from, to));
        }
        return NewsBySymbol.group(items, asked, from, to);
    }

    private List<NewsItem> chunk(List<String> symbols, Instant from, Instant to) {
        String q = symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" OR "));
        URI uri = settings.url().resolve("/v2/everything?q=" + encode(q) + "&searchIn=title,description&from=" + encode(from.toString())
                + "&to=" + encode(to.toString()) + "&sortBy=publishedAt&pageSize=" + settings.pageSize()
                + (settings.language() == null || settings.language().isBlank() ? "" : "&language=" + encode(settings.language())));
        NewsSourceClient.Answer answer = client.get(uri, Map.of("X-Api-Key", apiKey));
        JsonNode body = read(answer.body());
        if (answer.status() != 200 || body != null && "error".equals(body.path("status").asText())) {
            throw refusal(answer.status(), body);
        }
        if (body == null || !body.path("articles").isArray()) {
            gate.unparseable();
            return List.of();
        }
        List<NewsItem> items = new ArrayList<>();
        for (JsonNode article : body.path("articles")) {
            String title = text(article, "title");
            String description = text(article, "description");
            String url = text(article, "url");
            items.addAll(gate.admit(url == null ? null : "newsapi-" + url, named(symbols, title, description), title, description,
                    article.path("source").path("name").asText("newsapi"), url, instant(text(article, "publishedAt"))));
        }
        return items;
    }

    /** The candidates whose ticker the title or description names as a capitalised word, with or without a $. */
    static List<String> named(List<String> symbols, String title, String description) {
        String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
        return symbols.stream()
                .filter(s -> Pattern.compile("(?<![A-Za-z0-9.])\\$?" + Pattern.quote(s) + "(?![A-Za-z0-9])").matcher(text).find())
                .toList();
    }

    /** NewsAPI's documented error codes, each as what to do about it. */
    private NewsSourceException refusal(int status, JsonNode body) {
        String code = body == null ? "" : body.path("code").asText("");
        String message = body == null ? "" : client.redact(body.path("message").asText(""));
        return switch (code) {
            case "apiKeyInvalid", "apiKeyDisabled", "apiKeyMissing" -> new NewsSourceException("NewsAPI refused the key (" + code
                    + "): check " + KEY_VARIABLE + " (" + message + ")");
            case "rateLimited", "apiKeyExhausted" -> {
                Instant until = client.rest();
                LOG.warn("NewsAPI answered {}: no request before {}; the developer plan allows about 100 requests a day", code, until);
                yield new NewsSourceException("NewsAPI answered " + code + " (" + message + "): no request before " + until
                        + "; lower the request rate (catalyst.news.newsapi.refresh, requests-per-day) or upgrade the plan");
            }
            default -> new NewsSourceException("NewsAPI answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")") + ": "
                    + (message.isEmpty() ? "no message" : message));
        };
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = body == null ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
