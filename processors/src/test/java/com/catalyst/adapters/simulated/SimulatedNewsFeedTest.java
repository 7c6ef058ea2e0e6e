package com.catalyst.adapters.simulated;

import com.catalyst.news.NewsItem;
import com.catalyst.news.SentimentScorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;

class SimulatedNewsFeedTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    private final SimulatedMarket market = new SimulatedMarket(new SimulatedScenario(77, 500));
    private final SimulatedNewsFeed feed = new SimulatedNewsFeed(77, market);
    private final SentimentScorer scorer = new SentimentScorer();

    private static Instant ny(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    private List<String> setups(LocalDate day) {
        return market.universe().stream().map(SecurityInfo::symbol).filter(s -> market.isSetup(s, day)).toList();
    }

    @Test
    void everySetupSymbolHasABullishCatalystBeforeTheOpen() {
        List<String> setups = setups(DAY);
        assertThat(setups).isNotEmpty();
        for (String symbol : setups) {
            List<NewsItem> items = feed.news(symbol, ny(DAY, 0, 0), ny(DAY, 9, 30));
            assertThat(items).as(symbol)
                    .anySatisfy(i -> {
                        assertThat(i.symbol()).isEqualTo(symbol);
                        assertThat(i.headline()).startsWith(symbol + " ");
                        assertThat(i.publishedAt()).isBefore(ny(DAY, 9, 30));
                        assertThat(scorer.score(i.headline())).isGreaterThanOrEqualTo(0.3);
                    });
        }
    }

    @Test
    void symbolsWithoutASetupGetNoBullishStory() {
        List<String> setups = setups(DAY);
        int withNews = 0;
        for (SecurityInfo s : market.universe()) {
            if (setups.contains(s.symbol())) {
                continue;
            }
            List<NewsItem> items = feed.news(s.symbol(), ny(DAY, 0, 0), ny(DAY, 23, 59));
            withNews += items.isEmpty() ? 0 : 1;
            assertThat(items).allSatisfy(i -> assertThat(scorer.score(i.headline())).isLessThan(0.3));
        }
        // the ordinary trickle: some, not all
        assertThat(withNews).isBetween(50, 300);
    }

    @Test
    void theSameSeedGivesTheSameNews() {
        SimulatedNewsFeed again = new SimulatedNewsFeed(77, new SimulatedMarket(new SimulatedScenario(77, 500)));
        for (SecurityInfo s : market.universe().subList(0, 100)) {
            assertThat(again.news(s.symbol(), ny(DAY, 0, 0), ny(DAY, 23, 0))).isEqualTo(feed.news(s.symbol(), ny(DAY, 0, 0), ny(DAY, 23, 0)));
        }
    }

    @Test
    void onlyItemsInsideTheWindowAreServedNewestFirst() {
        String symbol = setups(DAY).get(0);
        List<NewsItem> day = feed.news(symbol, ny(DAY, 0, 0), ny(DAY, 23, 59));
        assertThat(day).isNotEmpty();
        for (int i = 1; i < day.size(); i++) {
            assertThat(day.get(i - 1).publishedAt()).isAfterOrEqualTo(day.get(i).publishedAt());
        }
        Instant at = day.get(day.size() - 1).publishedAt();
        // the window's bounds are inclusive
        assertThat(feed.news(symbol, at, at)).extracting(NewsItem::id).contains(day.get(day.size() - 1).id());
        assertThat(feed.news(symbol, at.plusSeconds(1), at.plusSeconds(1))).extracting(NewsItem::id)
                .doesNotContain(day.get(day.size() - 1).id());
        // before any news of the day: nothing
        assertThat(feed.news(symbol, ny(DAY, 0, 0), ny(DAY, 8, 14))).isEmpty();
    }

    @Test
    void aWindowOverSeveralDaysCollectsEachTradingDaysNews() {
        LocalDate previous = LocalDate.of(2026, 3, 9);
        String symbol = setups(DAY).get(0);
        List<NewsItem> both = feed.news(symbol, ny(previous, 0, 0), ny(DAY, 23, 59));
        List<NewsItem> first = feed.news(symbol, ny(previous, 0, 0), ny(previous, 23, 59));
        List<NewsItem> second = feed.news(symbol, ny(DAY, 0, 0), ny(DAY, 23, 59));
        assertThat(both).hasSize(first.size() + second.size());
        assertThat(both).containsAll(first).containsAll(second);
    }

    @Test
    void weekendsAndHolidaysHaveNoNews() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        LocalDate thanksgiving = LocalDate.of(2026, 11, 26);
        for (SecurityInfo s : market.universe().subList(0, 100)) {
            assertThat(feed.news(s.symbol(), ny(saturday, 0, 0), ny(saturday, 23, 59))).isEmpty();
            assertThat(feed.news(s.symbol(), ny(thanksgiving, 0, 0), ny(thanksgiving, 23, 59))).isEmpty();
        }
    }
}
