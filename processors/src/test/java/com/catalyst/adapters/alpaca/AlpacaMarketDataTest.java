package com.catalyst.adapters.alpaca;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssue;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.market.MarketFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.catalyst.adapters.alpaca.AlpacaMarketStub.SESSION;
import static com.catalyst.adapters.alpaca.AlpacaMarketStub.dailyBar;
import static com.catalyst.adapters.alpaca.AlpacaMarketStub.minuteBar;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alpaca market adapter on a stubbed Alpaca: what it loads at start-up, how live bars land in its store (each
 * minute once, updated bars replacing, late bars in order), the back-fill after a reconnect, the REST refresh of
 * symbols not streamed, the ranked universe and the feed status.
 */
class AlpacaMarketDataTest {

    final AlpacaMarketStub stub = new AlpacaMarketStub();
    final BarIssueCounts issues = new BarIssueCounts();
    final Instant open = AlpacaMarketStub.openOf(SESSION);

    @AfterEach
    void stop() {
        stub.close();
    }

    AlpacaMarketData market(List<String> symbols, int universeSize) {
        AlpacaMarketSettings settings = new AlpacaMarketSettings("iex", stub.url(), stub.url(), symbols, universeSize, 30, 100, 500,
                Duration.ofSeconds(60), Duration.ofMinutes(15));
        return new AlpacaMarketData(settings, stub.marketRest(), stub.clock, AlpacaMarketStub::regularClose, issues, null);
    }

    /** Two sessions of daily bars (SIP 50x the IEX volume) and AAA's first two minutes and BBB's first one on IEX. */
    void stubHistory() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day")).withQueryParam("feed", equalTo("sip"))
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + dailyBar(SESSION.minusDays(4), 10, 1_000_000) + "," + dailyBar(SESSION.minusDays(1), 10.5, 1_000_000)
                        + "],\"BBB\":[" + dailyBar(SESSION.minusDays(1), 20, 300_000) + "]},\"next_page_token\":null}")));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day")).withQueryParam("feed", equalTo("iex"))
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + dailyBar(SESSION.minusDays(4), 10, 20_000) + "," + dailyBar(SESSION.minusDays(1), 10.5, 20_000)
                        + "]},\"next_page_token\":null}")));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Min"))
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + minuteBar(0, 11, 100) + "," + minuteBar(1, 11.1, 200) + "],\"BBB\":["
                        + minuteBar(0, 21, 50) + "]},\"next_page_token\":null}")));
    }

    @Test
    void startUpLoadsDailyAndMinuteBarsStampedWithTheirEndAndScalesIexVolumeToConsolidated() {
        stubHistory();
        AlpacaMarketData market = market(List.of("aaa", "BBB"), 200);

        market.refresh();

        assertThat(market.universe()).extracting(SecurityInfo::symbol).containsExactly("AAA", "BBB");
        List<Bar> minutes = market.intradayBars("AAA", SESSION, stub.clock.instant());
        assertThat(minutes).extracting(Bar::time).containsExactly(open.plusSeconds(60), open.plusSeconds(120));
        // SIP traded 50 times IEX's volume over the last sessions: IEX minutes count 50 times
        assertThat(minutes).extracting(Bar::volume).containsExactly(5_000L, 10_000L);
        // BBB has no IEX daily volume to compare: its minutes stay as IEX reports them
        assertThat(market.intradayBars("BBB", SESSION, stub.clock.instant())).extracting(Bar::volume).containsExactly(50L);
        assertThat(market.dailyBars("AAA", SESSION, 20)).extracting(Bar::volume).containsExactly(1_000_000L, 1_000_000L);
        assertThat(market.dailyBars("AAA", SESSION, 20).get(1).time()).isEqualTo(AlpacaMarketStub.regularClose(SESSION.minusDays(1)));
        // the day's minutes from the open to the last complete minute; daily SIP history ends before today
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Min"))
                .withQueryParam("start", equalTo("2026-12-08T14:30:00Z")).withQueryParam("end", equalTo("2026-12-08T14:59:59Z")));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day"))
                .withQueryParam("end", equalTo("2026-12-08T05:00:00Z")));
    }

    @Test
    void aLiveBarForAHeldMinuteIsADuplicateUnlessUpdatedAndALateBarTakesItsPlace() {
        stubHistory();
        AlpacaMarketData market = market(List.of("AAA"), 200);
        market.refresh();
        Instant fourth = open.plusSeconds(240);
        Instant third = open.plusSeconds(180);

        market.onBar("AAA", new Bar(fourth, 11.3, 11.4, 11.2, 11.3, 10), false);
        market.onBar("AAA", new Bar(third, 11.2, 11.3, 11.1, 11.2, 10), false);
        market.onBar("AAA", new Bar(third, 11.2, 11.3, 11.1, 11.25, 10), false);
        market.onBar("AAA", new Bar(fourth, 11.3, 11.5, 11.2, 11.45, 12), true);

        List<Bar> minutes = market.intradayBars("AAA", SESSION, fourth);
        assertThat(minutes).extracting(Bar::time).containsExactly(open.plusSeconds(60), open.plusSeconds(120), third, fourth);
        assertThat(minutes.get(2).close()).isEqualTo(11.2);
        assertThat(minutes.get(3).close()).isEqualTo(11.45);
        assertThat(minutes.get(3).volume()).isEqualTo(600);
        assertThat(issues.count(BarIssue.DUPLICATE_TIME)).isEqualTo(1);
    }

    @Test
    void aBadLiveBarIsSanitizedAndABarOutsideTheSessionIsNotServed() {
        stubHistory();
        AlpacaMarketData market = market(List.of("AAA"), 200);
        market.refresh();

        market.onBar("AAA", new Bar(open.plusSeconds(180), 11, 11.2, 11.1, 11.1, 10), false);
        market.onBar("AAA", new Bar(open.plusSeconds(240), 0, 11.2, 11.1, 11.1, 10), false);
        market.onBar("AAA", new Bar(open.minusSeconds(600), 11, 11.2, 11, 11.1, 10), false);

        List<Bar> minutes = market.intradayBars("AAA", SESSION, open.plusSeconds(3600));
        assertThat(minutes).hasSize(3);
        // the open below the low is a trade: the range is widened to hold it
        assertThat(minutes.get(2).low()).isEqualTo(11);
        assertThat(issues.count(BarIssue.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(issues.count(BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE)).isEqualTo(1);
    }

    @Test
    void aReconnectBackFillsFromEachStreamedSymbolsLastBarAndEveryMinuteIsHeldOnce() {
        stubHistory();
        AlpacaMarketData market = market(List.of("AAA", "BBB"), 200);
        market.refresh();
        market.streamed(List.of("AAA"));
        // the stream delivered 09:32 (end 09:33), then dropped; REST now has 09:32 to 09:35, overlapping the stream's bar
        market.onBar("AAA", new Bar(open.plusSeconds(180), 11.2, 11.3, 11.1, 11.2, 10), false);
        stub.clock.set(Instant.parse("2026-12-08T14:36:10Z"));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Min"))
                .withQueryParam("symbols", equalTo("AAA")).willReturn(okJson("{\"bars\":{\"AAA\":[" + minuteBar(2, 11.2, 10) + ","
                        + minuteBar(3, 11.3, 10) + "," + minuteBar(4, 11.4, 10) + "," + minuteBar(5, 11.5, 10) + "]},\"next_page_token\":null}")));

        market.onReconnected();

        List<Bar> minutes = market.intradayBars("AAA", SESSION, stub.clock.instant());
        assertThat(minutes).extracting(Bar::time).containsExactly(open.plusSeconds(60), open.plusSeconds(120), open.plusSeconds(180),
                open.plusSeconds(240), open.plusSeconds(300), open.plusSeconds(360));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("symbols", equalTo("AAA"))
                .withQueryParam("start", equalTo("2026-12-08T14:33:00Z")).withQueryParam("end", equalTo("2026-12-08T14:35:59Z")));
        // the REST copy of the streamed minute is an expected overlap, not a feed fault
        assertThat(issues.count(BarIssue.DUPLICATE_TIME)).isZero();
    }

    @Test
    void symbolsNotStreamedGetTheirNewMinutesByRestFromWhereTheLastFetchEnded() {
        stubHistory();
        AlpacaMarketData market = market(List.of("AAA", "BBB"), 200);
        market.refresh();
        market.streamed(List.of("AAA"));
        stub.clock.set(Instant.parse("2026-12-08T15:01:30Z"));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Min")).withQueryParam("symbols", equalTo("BBB"))
                .willReturn(okJson("{\"bars\":{\"BBB\":[" + minuteBar(30, 21.5, 70) + "]},\"next_page_token\":null}")));

        market.refresh();

        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("symbols", equalTo("BBB"))
                .withQueryParam("start", equalTo("2026-12-08T15:00:00Z")).withQueryParam("end", equalTo("2026-12-08T15:00:59Z")));
        stub.server.verify(0, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("symbols", equalTo("AAA")));
        assertThat(market.intradayBars("BBB", SESSION, stub.clock.instant())).extracting(Bar::time).last().isEqualTo(open.plusSeconds(31 * 60));
    }

    @Test
    void theUniverseIsTheTopOfTheAssetsRankedFromSnapshots() {
        stubHistory();
        stub.server.stubFor(get(urlPathEqualTo("/v2/assets")).willReturn(okJson("[" + String.join(",", AlpacaMarketRestTest.asset("AAA", "NASDAQ", true),
                AlpacaMarketRestTest.asset("BBB", "NYSE", true), AlpacaMarketRestTest.asset("CCC", "OTC", true)) + "]")));
        // BBB trades 20 x 2M = 40M dollars, AAA 11 x 1M = 11M with a 10 % gap (x3): 33M
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/snapshots")).willReturn(okJson("{\"AAA\":" + AlpacaMarketRestTest.snapshot(SESSION, 10, 11, 1_000_000)
                + ",\"BBB\":" + AlpacaMarketRestTest.snapshot(SESSION, 20, 20, 2_000_000) + "}")));
        AlpacaMarketData market = market(List.of(), 1);

        market.refresh();

        assertThat(market.universe()).containsExactly(new SecurityInfo("BBB", "BBB Inc. Common Stock", 0, "NYSE"));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/snapshots")).withQueryParam("symbols", equalTo("AAA,BBB")));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day")).withQueryParam("symbols", equalTo("BBB")));
        assertThat(market.dailyBars("AAA", SESSION, 20)).isEmpty();
    }

    @Test
    void watchedSymbolsJoinTheRankedUniverseAtTheNextRefreshWithTheirHistoryAndStayAtTheNextRanking() {
        stubHistory();
        stub.server.stubFor(get(urlPathEqualTo("/v2/assets")).willReturn(okJson("[" + String.join(",", AlpacaMarketRestTest.asset("AAA", "NASDAQ", true),
                AlpacaMarketRestTest.asset("BBB", "NYSE", true), AlpacaMarketRestTest.asset("CCC", "OTC", true)) + "]")));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/snapshots")).willReturn(okJson("{\"AAA\":" + AlpacaMarketRestTest.snapshot(SESSION, 10, 11, 1_000_000)
                + ",\"BBB\":" + AlpacaMarketRestTest.snapshot(SESSION, 20, 20, 2_000_000) + "}")));
        AlpacaMarketData market = market(List.of(), 1);
        List<String> watchlist = new java.util.concurrent.CopyOnWriteArrayList<>();
        market.keepInUniverse(() -> watchlist);
        market.refresh();
        assertThat(market.universe()).extracting(SecurityInfo::symbol).containsExactly("BBB");
        // any tradable asset can be watched, not only the ranked ones; an unknown symbol cannot
        assertThat(market.knows("AAA")).isTrue();
        assertThat(market.knows("ZZZ")).isFalse();

        watchlist.addAll(List.of("AAA", "ZZZ"));
        market.refresh();
        assertThat(market.universe()).extracting(SecurityInfo::symbol).containsExactly("BBB", "AAA");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day"))
                .withQueryParam("symbols", equalTo("AAA")));
        assertThat(market.dailyBars("AAA", SESSION, 20)).hasSize(2);
        assertThat(market.intradayBars("AAA", SESSION, stub.clock.instant())).isNotEmpty();

        // the next ranking keeps it beside the top; a watchlist that cannot be read keeps the last one read
        stub.clock.advance(Duration.ofMinutes(16));
        market.keepInUniverse(() -> {
            throw new IllegalStateException("database away");
        });
        market.refresh();
        assertThat(market.universe()).extracting(SecurityInfo::symbol).containsExactly("BBB", "AAA");
    }

    @Test
    void theStatusSaysWhatTheStreamSaysAndWhenTheLastLiveBarCame() {
        stubHistory();
        AlpacaMarketData market = market(List.of("AAA"), 200);
        market.refresh();

        MarketFeed.Status alone = market.status();
        assertThat(alone.adapter()).isEqualTo("alpaca");
        assertThat(alone.feed()).isEqualTo("iex");
        assertThat(alone.connected()).isFalse();
        assertThat(alone.lastBarAt()).isNull();
        assertThat(alone.problems()).singleElement().asString().contains("no market-data stream attached");

        AtomicReference<AlpacaMarketData.StreamState> state = new AtomicReference<>(
                new AlpacaMarketData.StreamState(true, true, 12, List.of("405 symbol limit exceeded")));
        market.attachStream(state::get);
        market.onBar("AAA", new Bar(open.plusSeconds(180), 11, 11.2, 11, 11.1, 10), false);

        MarketFeed.Status streaming = market.status();
        assertThat(streaming).isEqualTo(new MarketFeed.Status("alpaca", "iex", true, true, stub.clock.instant(), 12,
                List.of("405 symbol limit exceeded")));
    }
}
