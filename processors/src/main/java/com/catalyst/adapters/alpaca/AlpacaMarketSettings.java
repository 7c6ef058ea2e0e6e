package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The Alpaca market adapter's settings ({@code catalyst.market.alpaca.*}), checked once: a wrong value stops start-up
 * with the setting's name. docs/alpaca-market-data.md explains each.
 *
 * @param feed           {@code iex} (the free plan) or {@code sip} (Algo Trader Plus): live bars, snapshots, intraday history
 * @param dataUrl        the market-data API ({@code https://data.alpaca.markets})
 * @param tradingUrl     the trading API that lists the assets (the broker's host: paper unless live)
 * @param symbols        an explicit universe instead of the ranked assets; empty for the ranked one
 * @param universeSize   how many ranked assets the scanner screens (their bars are held in memory)
 * @param streamLimit    at most this many symbols streamed on {@code iex} (the free plan allows 30)
 * @param barsBatch      symbols a {@code /v2/stocks/bars} call asks for
 * @param snapshotBatch  symbols a {@code /v2/stocks/snapshots} call asks for
 * @param refreshInterval how often symbols that are not streamed get their new minute bars by REST
 * @param rankInterval   how often the universe is ranked again from snapshots
 */
public record AlpacaMarketSettings(String feed, URI dataUrl, URI tradingUrl, List<String> symbols, int universeSize,
                                   int streamLimit, int barsBatch, int snapshotBatch, Duration refreshInterval,
                                   Duration rankInterval) {

    public static final URI DATA_URL = URI.create("https://data.alpaca.markets");
    /** Sessions of daily bars kept: the scanner's 20-day average volume and the previous close, with room for holidays. */
    public static final int DAILY_SESSIONS = 25;

    public AlpacaMarketSettings {
        feed = checkedFeed(feed);
        dataUrl = dataUrl == null ? DATA_URL : dataUrl;
        if (tradingUrl == null) {
            throw new IllegalArgumentException("the Alpaca trading URL (catalyst.broker.alpaca.url, resolved from the mode) is needed for the assets");
        }
        symbols = symbols == null ? List.of() : symbols.stream().map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
        positive("catalyst.market.alpaca.universe-size", universeSize);
        positive("catalyst.market.alpaca.stream-limit", streamLimit);
        positive("catalyst.market.alpaca.bars-batch", barsBatch);
        positive("catalyst.market.alpaca.snapshot-batch", snapshotBatch);
        if (snapshotBatch > 1000) {
            // Alpaca documents 1000 symbols a snapshot call at most
            throw new IllegalArgumentException("catalyst.market.alpaca.snapshot-batch must be at most 1000, got " + snapshotBatch);
        }
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()
                || rankInterval == null || rankInterval.isNegative() || rankInterval.isZero()) {
            throw new IllegalArgumentException("catalyst.market.alpaca.refresh-interval and rank-interval must be positive durations");
        }
    }

    /** {@code iex} or {@code sip}, case-insensitive; anything else refuses start-up naming the setting. */
    public static String checkedFeed(String feed) {
        String f = feed == null ? "" : feed.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("iex") && !f.equals("sip")) {
            throw new IllegalArgumentException("catalyst.market.alpaca.feed (CATALYST_MARKET_ALPACA_FEED) must be iex or sip, got '"
                    + feed + "'");
        }
        return f;
    }

    /** The stream URL: the explicit one, or Alpaca's for the feed when empty. */
    public static URI streamUrl(String explicit, String feed) {
        return explicit == null || explicit.isBlank()
                ? URI.create("wss://stream.data.alpaca.markets/v2/" + checkedFeed(feed)) : URI.create(explicit.trim());
    }

    /** Whether the stream takes every symbol ({@code bars: ["*"]}): SIP has no symbol limit. */
    public boolean streamsAll() {
        return feed.equals("sip");
    }

    /** Refuses start-up, naming both keys, when either is missing. */
    public static void requireKeys(String keyId, String secretKey) {
        boolean noKey = keyId == null || keyId.isBlank();
        boolean noSecret = secretKey == null || secretKey.isBlank();
        if (noKey || noSecret) {
            throw new IllegalStateException("catalyst.market.adapter=alpaca needs ALPACA_API_KEY and ALPACA_SECRET_KEY; missing: "
                    + (noKey && noSecret ? "ALPACA_API_KEY, ALPACA_SECRET_KEY" : noKey ? "ALPACA_API_KEY" : "ALPACA_SECRET_KEY"));
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
