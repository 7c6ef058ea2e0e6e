package com.catalyst.adapters.simulated;

import com.catalyst.news.NewsItem;
import com.catalyst.news.NewsPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * Seeded headlines for the simulated market: every setup symbol gets a bullish catalyst before the open, the rest
 * get the ordinary trickle of analyst notes, macro mentions and the odd bad story. Deterministic per symbol and day.
 */
public final class SimulatedNewsFeed implements NewsPort {

    private static final String[] CATALYSTS = {
        "%s beats quarterly earnings estimates and raises full-year guidance",
        "%s receives FDA approval for its lead drug candidate",
        "%s upgraded to buy at a major broker with a higher price target",
        "%s wins multi-year government contract worth $400 million",
        "%s agrees to be acquired at a 30%% premium in all-cash merger",
    };
    private static final String[] ORDINARY = {
        "%s reiterated at neutral, price target unchanged",
        "%s shares trade in line with sector as investors await Fed minutes",
        "%s to present at industry conference next week",
        "%s downgraded to sell on weak demand outlook",
        "%s misses revenue estimates, cuts guidance",
        "%s faces lawsuit over patent infringement claims",
        "%s announces secondary offering of 5 million shares",
    };

    private final long seed;
    private final SimulatedMarket market;

    public SimulatedNewsFeed(long seed, SimulatedMarket market) {
        this.seed = seed;
        this.market = market;
    }

    @Override
    public Map<String, List<NewsItem>> news(Collection<String> symbols, Instant from, Instant to) {
        Map<String, List<NewsItem>> bySymbol = new LinkedHashMap<>();
        symbols.forEach(symbol -> bySymbol.put(symbol, newsOf(symbol, from, to)));
        return bySymbol;
    }

    private List<NewsItem> newsOf(String symbol, Instant from, Instant to) {
        List<NewsItem> items = new ArrayList<>();
        LocalDate day = to.atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
        LocalDate first = from.atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
        for (; !day.isBefore(first); day = day.minusDays(1)) {
            if (ExchangeCalendar.isTradingDay(day)) {
                itemsOn(symbol, day).stream()
                        .filter(i -> !i.publishedAt().isBefore(from) && !i.publishedAt().isAfter(to))
                        .forEach(items::add);
            }
        }
        items.sort(Comparator.comparing(NewsItem::publishedAt).reversed());
        return items;
    }

    private List<NewsItem> itemsOn(String symbol, LocalDate day) {
        SplittableRandom r = new SplittableRandom(seed ^ (symbol.hashCode() * 0x9E3779B97F4A7C15L) ^ day.toEpochDay() * 31);
        Instant premarket = ZonedDateTime.of(day, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant().minus(Duration.ofMinutes(75));
        List<NewsItem> items = new ArrayList<>();
        if (market.isSetup(symbol, day)) {
            items.add(item(symbol, day, 0, CATALYSTS[r.nextInt(CATALYSTS.length)], premarket.plusSeconds(r.nextInt(3600))));
        }
        int ordinary = r.nextDouble() < 0.35 ? 1 : 0;
        for (int i = 0; i < ordinary; i++) {
            items.add(item(symbol, day, i + 1, ORDINARY[r.nextInt(ORDINARY.length)], premarket.plusSeconds(r.nextInt(8 * 3600))));
        }
        return items;
    }

    private static NewsItem item(String symbol, LocalDate day, int n, String template, Instant at) {
        String id = "sim-" + symbol + "-" + day + "-" + n;
        String headline = String.format(template, symbol);
        return new NewsItem(id, symbol, headline, headline + ".", "simulated-wire", "https://news.example/" + id, at);
    }
}
