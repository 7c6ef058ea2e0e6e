package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.catalyst.adapters.alpaca.AlpacaRest.UnreadableAnswer;
import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Alpaca's market-data reads over the process's one {@link AlpacaRest} client: the tradable assets (trading API),
 * bars of many symbols a call with {@code next_page_token} followed to the end, and snapshots in batches.
 * Bars come back stamped with their END, as every {@link Bar} of Catalyst: Alpaca stamps a bar with its start, so a
 * minute bar gets one minute added and a daily bar its session's close (early closes included, through
 * {@code sessionClose}). An answer that is not the documented shape is an {@link UnreadableAnswer} naming the call.
 */
public final class AlpacaMarketRest {

    /** Listing exchanges a day trader trades (Alpaca's {@code exchange} values); OTC and crypto stay out. */
    public static final Set<String> EXCHANGES = Set.of("NYSE", "NASDAQ", "ARCA", "NYSEARCA", "AMEX", "BATS");
    /** Alpaca's maximum {@code limit} of a bars page. */
    static final int PAGE_LIMIT = 10_000;
    private static final int MAX_PAGES = 10_000;

    private final AlpacaRest rest;
    private final URI dataUrl;
    private final URI tradingUrl;
    private final Function<LocalDate, Instant> sessionClose;

    /**
     * @param sessionClose the close of a session (16:00 New York, 13:00 on an early close): the end of its daily bar
     */
    public AlpacaMarketRest(AlpacaRest rest, URI dataUrl, URI tradingUrl, Function<LocalDate, Instant> sessionClose) {
        this.rest = rest;
        this.dataUrl = dataUrl;
        this.tradingUrl = tradingUrl;
        this.sessionClose = sessionClose;
    }

    /** One listed, tradable US equity. */
    public record Asset(String symbol, String name, String exchange) {
    }

    /**
     * What ranking needs of a snapshot: its daily bar (today's once the session has trades) and the previous one.
     * {@code previousClose} is NaN when Alpaca sent no {@code prevDailyBar}.
     */
    public record Snapshot(String symbol, LocalDate day, double open, double close, long volume, double previousClose) {
    }

    /** {@code GET /v2/assets?status=active&asset_class=us_equity}, keeping tradable assets on {@link #EXCHANGES}. */
    public List<Asset> assets() {
        String call = "GET /v2/assets";
        JsonNode answer = rest.getJson(tradingUrl, "/v2/assets?status=active&asset_class=us_equity");
        if (!answer.isArray()) {
            throw new UnreadableAnswer(call + ": expected a JSON array of assets, got " + answer.getNodeType());
        }
        List<Asset> assets = new ArrayList<>();
        for (JsonNode a : answer) {
            String symbol = a.path("symbol").asText("");
            if (!symbol.isEmpty() && a.path("tradable").asBoolean(false) && "active".equals(a.path("status").asText("active"))
                    && EXCHANGES.contains(a.path("exchange").asText(""))) {
                assets.add(new Asset(symbol, a.path("name").asText(symbol), a.path("exchange").asText()));
            }
        }
        return assets;
    }

    /**
     * 1-minute bars of {@code symbols} whose start is in [{@code start}, {@code end}], {@code batch} symbols a call,
     * each stamped with its end (start + 1 minute), oldest first per symbol.
     */
    public Map<String, List<Bar>> minuteBars(Collection<String> symbols, Instant start, Instant end, String feed, int batch) {
        return bars(symbols, "1Min", start, end, feed, "raw", batch, t -> t.plus(1, ChronoUnit.MINUTES));
    }

    /**
     * Daily bars of {@code symbols} from {@code from} to {@code end}, split-adjusted (a split overnight would otherwise
     * look like a 50 % gap), each stamped with its session's close.
     */
    public Map<String, List<Bar>> dailyBars(Collection<String> symbols, LocalDate from, Instant end, String feed, int batch) {
        Instant start = from.atStartOfDay(TradingClock.EXCHANGE_ZONE).toInstant();
        return bars(symbols, "1Day", start, end, feed, "split", batch,
                t -> sessionClose.apply(t.atZone(TradingClock.EXCHANGE_ZONE).toLocalDate()));
    }

    /** {@code GET /v2/stocks/snapshots}, {@code batch} symbols a call; a symbol Alpaca has no daily bar for is left out. */
    public List<Snapshot> snapshots(Collection<String> symbols, String feed, int batch) {
        List<Snapshot> result = new ArrayList<>(symbols.size());
        for (List<String> chunk : chunks(symbols, batch)) {
            JsonNode answer = rest.getJson(dataUrl, "/v2/stocks/snapshots?symbols=" + joined(chunk) + "&feed=" + feed);
            result.addAll(parseSnapshots(answer));
        }
        return result;
    }

    /** The snapshots of one answer ({@code {"AAPL": {"dailyBar": …, "prevDailyBar": …}, …}}). */
    public static List<Snapshot> parseSnapshots(JsonNode answer) {
        String call = "GET /v2/stocks/snapshots";
        if (!answer.isObject()) {
            throw new UnreadableAnswer(call + ": expected an object of snapshots by symbol, got " + answer.getNodeType());
        }
        List<Snapshot> result = new ArrayList<>(answer.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode daily = e.getValue().path("dailyBar");
            if (!daily.isObject()) {
                continue;
            }
            JsonNode prev = e.getValue().path("prevDailyBar");
            result.add(new Snapshot(e.getKey(), time(call, e.getKey(), daily).atZone(TradingClock.EXCHANGE_ZONE).toLocalDate(),
                    number(call, e.getKey(), daily, "o"), number(call, e.getKey(), daily, "c"),
                    (long) number(call, e.getKey(), daily, "v"),
                    prev.isObject() ? number(call, e.getKey(), prev, "c") : Double.NaN));
        }
        return result;
    }

    private Map<String, List<Bar>> bars(Collection<String> symbols, String timeframe, Instant start, Instant end, String feed,
                                        String adjustment, int batch, Function<Instant, Instant> endOf) {
        String call = "GET /v2/stocks/bars (" + timeframe + ")";
        // a TreeMap a symbol: a bar repeated across pages is kept once
        Map<String, NavigableMap<Instant, Bar>> bySymbol = new LinkedHashMap<>();
        for (List<String> chunk : chunks(symbols, batch)) {
            String query = "/v2/stocks/bars?symbols=" + joined(chunk) + "&timeframe=" + timeframe + "&start=" + start
                    + "&end=" + end + "&limit=" + PAGE_LIMIT + "&adjustment=" + adjustment + "&feed=" + feed + "&sort=asc";
            String token = null;
            Set<String> tokensSeen = new HashSet<>();
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = rest.getJson(dataUrl, token == null ? query : query + "&page_token=" + AlpacaRest.encode(token));
                JsonNode bars = answer.path("bars");
                if (!answer.isObject() || !(bars.isObject() || bars.isNull() || bars.isMissingNode())) {
                    throw new UnreadableAnswer(call + ": expected {\"bars\": {symbol: [bars]}, \"next_page_token\": …}");
                }
                bars.fields().forEachRemaining(e -> {
                    NavigableMap<Instant, Bar> held = bySymbol.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
                    for (JsonNode b : e.getValue()) {
                        Bar bar = bar(call, e.getKey(), b, endOf);
                        held.put(bar.time(), bar);
                    }
                });
                JsonNode next = answer.path("next_page_token");
                token = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
                if (token == null) {
                    break;
                }
                if (!tokensSeen.add(token)) {
                    throw new UnreadableAnswer(call + ": next_page_token '" + token + "' came back twice; paging would not end");
                }
            }
        }
        Map<String, List<Bar>> result = new LinkedHashMap<>();
        bySymbol.forEach((symbol, bars) -> result.put(symbol, List.copyOf(bars.values())));
        return result;
    }

    private static Bar bar(String call, String symbol, JsonNode b, Function<Instant, Instant> endOf) {
        return new Bar(endOf.apply(time(call, symbol, b)), number(call, symbol, b, "o"), number(call, symbol, b, "h"),
                number(call, symbol, b, "l"), number(call, symbol, b, "c"), (long) number(call, symbol, b, "v"));
    }

    private static Instant time(String call, String symbol, JsonNode bar) {
        JsonNode t = bar.path("t");
        try {
            if (t.isTextual()) {
                return OffsetDateTime.parse(t.asText()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below with the symbol
        }
        throw new UnreadableAnswer(call + ": a bar of " + symbol + " has no RFC-3339 't' (got " + t + ")");
    }

    private static double number(String call, String symbol, JsonNode bar, String field) {
        JsonNode v = bar.path(field);
        if (!v.isNumber()) {
            throw new UnreadableAnswer(call + ": a bar of " + symbol + " has no number '" + field + "' (got " + v + ")");
        }
        return v.asDouble();
    }

    private static String joined(List<String> symbols) {
        StringBuilder s = new StringBuilder();
        for (String symbol : symbols) {
            // commas stay literal: an encoded list would be three times longer in the URL
            s.append(s.length() == 0 ? "" : ",").append(AlpacaRest.encode(symbol));
        }
        return s.toString();
    }

    static List<List<String>> chunks(Collection<String> symbols, int size) {
        List<String> all = List.copyOf(symbols);
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            result.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return result;
    }
}
