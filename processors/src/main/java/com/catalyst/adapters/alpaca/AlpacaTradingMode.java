package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paper or live, decided once at start-up. Paper is the default; live needs {@code catalyst.broker.alpaca.mode=live}
 * and, separately, {@code catalyst.broker.alpaca.live-confirm} set to {@link #CONFIRMATION}, so that one stray setting
 * never trades real money. Anything else refuses to start, naming the setting that is missing.
 */
public record AlpacaTradingMode(boolean live, URI baseUrl) {

    public static final URI PAPER_URL = URI.create("https://paper-api.alpaca.markets");
    public static final URI LIVE_URL = URI.create("https://api.alpaca.markets");
    /** The exact words the second setting must hold: typed on purpose, never a default. */
    public static final String CONFIRMATION = "I-UNDERSTAND-THIS-TRADES-REAL-MONEY";

    /**
     * @param mode        {@code paper} or {@code live}
     * @param liveConfirm the second setting; ignored in paper mode
     * @param urlOverride another base URL (a stub, a proxy) or null for Alpaca's own host of the mode
     */
    public static AlpacaTradingMode resolve(String mode, String liveConfirm, URI urlOverride, String keyId, String secretKey) {
        checkKeys(keyId, secretKey);
        return resolve(mode, liveConfirm, urlOverride);
    }

    private static void checkKeys(String keyId, String secretKey) {
        List<String> missingKeys = new ArrayList<>();
        if (keyId == null || keyId.isBlank()) {
            missingKeys.add("ALPACA_API_KEY");
        }
        if (secretKey == null || secretKey.isBlank()) {
            missingKeys.add("ALPACA_SECRET_KEY");
        }
        if (!missingKeys.isEmpty()) {
            throw new IllegalStateException("catalyst.broker.adapter=alpaca needs ALPACA_API_KEY and ALPACA_SECRET_KEY; missing: "
                    + String.join(", ", missingKeys));
        }
    }

    /**
     * The mode from the settings alone, for a process that never calls the broker (split mode: every process but
     * trading's), which is given no keys: a live start without its confirmation still stops it.
     */
    public static AlpacaTradingMode resolve(String mode, String liveConfirm, URI urlOverride) {
        String m = mode == null ? "paper" : mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "paper" -> {
                URI url = urlOverride == null ? PAPER_URL : urlOverride;
                if (LIVE_URL.getHost().equalsIgnoreCase(url.getHost())) {
                    throw new IllegalStateException("catalyst.broker.alpaca.url points at the live host " + url
                            + " while catalyst.broker.alpaca.mode=paper; going live takes mode=live and catalyst.broker.alpaca.live-confirm");
                }
                return new AlpacaTradingMode(false, url);
            }
            case "live" -> {
                if (liveConfirm == null || liveConfirm.isBlank()) {
                    throw new IllegalStateException("catalyst.broker.alpaca.mode=live needs the separate confirmation "
                            + "catalyst.broker.alpaca.live-confirm (CATALYST_BROKER_ALPACA_LIVE_CONFIRM) set to " + CONFIRMATION
                            + "; it is missing, so Catalyst does not start");
                }
                if (!CONFIRMATION.equals(liveConfirm.trim())) {
                    throw new IllegalStateException("catalyst.broker.alpaca.live-confirm (CATALYST_BROKER_ALPACA_LIVE_CONFIRM) must be exactly "
                            + CONFIRMATION + " to trade live; it holds something else, so Catalyst does not start");
                }
                return new AlpacaTradingMode(true, urlOverride == null ? LIVE_URL : urlOverride);
            }
            default -> throw new IllegalStateException("catalyst.broker.alpaca.mode must be paper or live, got '" + mode + "'");
        }
    }

    /** The one start-up line that says which account the orders go to, and whether real money is at stake. */
    public String startupLine(String accountNumber) {
        return live
                ? "Broker: Alpaca LIVE TRADING, account " + accountNumber + " at " + baseUrl + " - every order trades REAL MONEY"
                : "Broker: Alpaca PAPER trading, account " + accountNumber + " at " + baseUrl + " - no real money is at stake";
    }
}
