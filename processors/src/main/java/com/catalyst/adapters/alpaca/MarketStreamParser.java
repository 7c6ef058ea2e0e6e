package com.catalyst.adapters.alpaca;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.adapters.alpaca.MarketStreamMessage.BarMessage;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Error;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Ignored;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Subscription;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Success;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Unreadable;
import com.catalyst.market.Bar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one whole market-data stream message: a JSON array of entries (REFERENCE.md 4.10). Bars are stamped with
 * their END, {@code t} + 1 minute (Alpaca stamps the start; Catalyst's {@link Bar} the end). Bars are not checked
 * here: that is the sanitizer's job, after the stream.
 * <p>
 * Keeps the last stamp it read (a burst of bars shares one minute), so one parser per stream: not thread-safe.
 */
public final class MarketStreamParser {

    private static final Duration BAR_LENGTH = Duration.ofMinutes(1);

    private final ObjectMapper json;
    private String lastStamp;
    private Instant lastEnd;

    public MarketStreamParser(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @throws UnreadableStreamMessage when the message is not a JSON array; an unreadable entry inside a readable
     *                                 array is an {@link Unreadable} in the list and the others are read
     */
    public List<MarketStreamMessage> parse(String message) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (IOException e) {
            throw new UnreadableStreamMessage("not JSON: " + preview(message));
        }
        if (root == null || !root.isArray()) {
            throw new UnreadableStreamMessage("not a JSON array: " + preview(message));
        }
        List<MarketStreamMessage> entries = new ArrayList<>(root.size());
        for (JsonNode entry : root) {
            entries.add(entry(entry));
        }
        return entries;
    }

    private MarketStreamMessage entry(JsonNode entry) {
        JsonNode type = entry.get("T");
        if (type == null || !type.isTextual()) {
            return new Unreadable("an entry without a type T: " + preview(entry.toString()));
        }
        return switch (type.asText()) {
            case "b" -> bar(entry, false);
            case "u" -> bar(entry, true);
            case "success" -> new Success(entry.path("msg").asText());
            case "subscription" -> new Subscription(symbols(entry.path("bars")));
            case "error" -> entry.path("code").canConvertToInt() && entry.path("code").isNumber()
                    ? new Error(entry.get("code").asInt(), entry.path("msg").asText())
                    : new Unreadable("an error without a numeric code: " + preview(entry.toString()));
            default -> new Ignored(type.asText());
        };
    }

    private MarketStreamMessage bar(JsonNode entry, boolean updated) {
        JsonNode symbol = entry.get("S");
        JsonNode open = entry.get("o");
        JsonNode high = entry.get("h");
        JsonNode low = entry.get("l");
        JsonNode close = entry.get("c");
        JsonNode volume = entry.get("v");
        JsonNode start = entry.get("t");
        if (symbol == null || !symbol.isTextual() || !isNumber(open) || !isNumber(high) || !isNumber(low) || !isNumber(close)
                || !isNumber(volume) || start == null || !start.isTextual()) {
            return new Unreadable("a bar without S, o, h, l, c, v or t: " + preview(entry.toString()));
        }
        Instant end;
        try {
            end = endOf(start.asText());
        } catch (DateTimeParseException e) {
            return new Unreadable("a bar with an unreadable time t=" + start.asText());
        }
        return new BarMessage(symbol.asText(), new Bar(end, open.asDouble(), high.asDouble(), low.asDouble(), close.asDouble(),
                volume.asLong()), updated);
    }

    private Instant endOf(String start) {
        if (!start.equals(lastStamp)) {
            lastEnd = Instant.parse(start).plus(BAR_LENGTH);
            lastStamp = start;
        }
        return lastEnd;
    }

    private static boolean isNumber(JsonNode node) {
        return node != null && node.isNumber();
    }

    private static List<String> symbols(JsonNode array) {
        List<String> symbols = new ArrayList<>(array.size());
        array.forEach(s -> symbols.add(s.asText()));
        return symbols;
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 80 ? "'" + flat + "'" : "'" + flat.substring(0, 80) + "…'";
    }
}
