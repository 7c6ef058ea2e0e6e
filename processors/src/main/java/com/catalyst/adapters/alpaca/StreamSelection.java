package com.catalyst.adapters.alpaca;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which symbols the market-data stream asks bars for. On {@code sip} every symbol ({@code bars: ["*"]}). On {@code iex}
 * (the free plan streams at most 30 symbols) the open positions come first, since their stops and exits need every
 * minute, then the funnel's survivors by rank, up to the limit; the rest of the universe is refreshed by REST.
 */
public final class StreamSelection {

    /** Alpaca's wildcard: every symbol. */
    public static final String ALL = "*";

    private final boolean all;
    private final int limit;

    public StreamSelection(boolean all, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("catalyst.market.alpaca.stream-limit must be at least 1, got " + limit);
        }
        this.all = all;
        this.limit = limit;
    }

    public static StreamSelection of(AlpacaMarketSettings settings) {
        return new StreamSelection(settings.streamsAll(), settings.streamLimit());
    }

    /**
     * @param positions the symbols of the open positions
     * @param survivors the funnel's survivors, best first
     * @return {@code ["*"]} on sip, else at most the limit: positions first, then survivors, each once, upper-case
     */
    public List<String> choose(Collection<String> positions, List<String> survivors) {
        if (all) {
            return List.of(ALL);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Collection<String> group : List.of(positions, survivors)) {
            for (String symbol : group) {
                if (chosen.size() == limit) {
                    return List.copyOf(chosen);
                }
                if (symbol != null && !symbol.isBlank()) {
                    chosen.add(symbol.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(chosen);
    }
}
