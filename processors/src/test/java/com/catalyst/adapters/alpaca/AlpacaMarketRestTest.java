package com.catalyst.adapters.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.catalyst.adapters.alpaca.AlpacaMarketRest.Asset;
import com.catalyst.adapters.alpaca.AlpacaMarketRest.Snapshot;
import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.catalyst.adapters.alpaca.AlpacaMarketStub.SESSION;
import static com.catalyst.adapters.alpaca.AlpacaMarketStub.dailyBar;
import static com.catalyst.adapters.alpaca.AlpacaMarketStub.minuteBar;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alpaca's market-data REST reads against a WireMock stub serving Alpaca's documented payloads. */
class AlpacaMarketRestTest {

    final AlpacaMarketStub stub = new AlpacaMarketStub();
    final AlpacaMarketRest rest = stub.marketRest();
    final Instant open = AlpacaMarketStub.openOf(SESSION);

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void pagingIsFollowedToTheEndAndEveryBarIsKeptOnceStampedWithItsEnd() {
        // page 1: AAA 09:30-09:31 and BBB 09:30; page 2 repeats BBB 09:30 at the page edge, then BBB 09:31
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("page_token", absent())
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + minuteBar(0, 10, 100) + "," + minuteBar(1, 10.2, 150) + "],\"BBB\":["
                        + minuteBar(0, 20, 300) + "]},\"next_page_token\":\"QkJCfDIwMjY\",\"currency\":\"USD\"}")));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("page_token", equalTo("QkJCfDIwMjY"))
                .willReturn(okJson("{\"bars\":{\"BBB\":[" + minuteBar(0, 20, 300) + "," + minuteBar(1, 20.5, 400)
                        + "]},\"next_page_token\":null,\"currency\":\"USD\"}")));

        Map<String, List<Bar>> bars = rest.minuteBars(List.of("AAA", "BBB"), open, open.plusSeconds(3600), "iex", 100);

        assertThat(bars.get("AAA")).extracting(Bar::time).containsExactly(open.plusSeconds(60), open.plusSeconds(120));
        assertThat(bars.get("BBB")).extracting(Bar::time).containsExactly(open.plusSeconds(60), open.plusSeconds(120));
        assertThat(bars.get("BBB").get(1).volume()).isEqualTo(400);
        stub.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("symbols", equalTo("AAA,BBB"))
                .withQueryParam("timeframe", equalTo("1Min")).withQueryParam("limit", equalTo("10000"))
                .withQueryParam("feed", equalTo("iex")).withQueryParam("start", equalTo("2026-12-08T14:30:00Z")));
    }

    @Test
    void manySymbolsAreAskedForInBatches() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{},\"next_page_token\":null}")));
        List<String> symbols = IntStream.range(0, 250).mapToObj(i -> "S" + i).toList();

        rest.minuteBars(symbols, open, open.plusSeconds(60), "iex", 100);

        stub.server.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
    }

    @Test
    void aDailyBarEndsAtItsSessionsCloseAnEarlyCloseIncluded() {
        LocalDate blackFriday = LocalDate.of(2026, 11, 27);
        Instant earlyClose = ZonedDateTime.of(blackFriday, java.time.LocalTime.of(13, 0), TradingClock.EXCHANGE_ZONE).toInstant();
        AlpacaMarketRest withEarlyClose = new AlpacaMarketRest(stub.rest(), stub.url(), stub.url(),
                d -> d.equals(blackFriday) ? earlyClose : AlpacaMarketStub.regularClose(d));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("timeframe", equalTo("1Day"))
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + dailyBar(blackFriday, 10, 5000) + "," + dailyBar(LocalDate.of(2026, 11, 30), 11, 6000)
                        + "]},\"next_page_token\":null}")));

        List<Bar> days = withEarlyClose.dailyBars(List.of("AAA"), LocalDate.of(2026, 11, 1), open, "sip", 100).get("AAA");

        assertThat(days).extracting(Bar::time).containsExactly(Instant.parse("2026-11-27T18:00:00Z"), Instant.parse("2026-11-30T21:00:00Z"));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/bars")).withQueryParam("adjustment", equalTo("split"))
                .withQueryParam("feed", equalTo("sip")));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndA5xxAfterABackoff() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"message\":\"too many requests\"}"))
                .willSetStateTo("down"));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("busy").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).inScenario("busy").whenScenarioStateIs("up")
                .willReturn(okJson("{\"bars\":{\"AAA\":[" + minuteBar(0, 10, 100) + "]},\"next_page_token\":null}")));

        Map<String, List<Bar>> bars = rest.minuteBars(List.of("AAA"), open, open.plusSeconds(60), "iex", 100);

        assertThat(bars.get("AAA")).hasSize(1);
        stub.server.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/bars")));
    }

    @Test
    void onlyTradableAssetsOnTheListedExchangesAreKept() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/assets")).withQueryParam("status", equalTo("active"))
                .withQueryParam("asset_class", equalTo("us_equity")).willReturn(okJson("[" + String.join(",",
                        asset("AAPL", "NASDAQ", true), asset("SPY", "ARCA", true), asset("GRNQ", "OTC", true),
                        asset("XYZW", "NYSE", false), asset("F", "NYSE", true), asset("IWM", "NYSEARCA", true)) + "]")));

        List<Asset> assets = rest.assets();

        assertThat(assets).extracting(Asset::symbol).containsExactly("AAPL", "SPY", "F", "IWM");
    }

    @Test
    void snapshotsAreAskedForInBatchesAndReadForRanking() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/snapshots")).willReturn(okJson("{\"AAPL\":" + snapshot(SESSION, 190, 195, 10_000) + "}")));
        List<String> symbols = IntStream.range(0, 7).mapToObj(i -> "S" + i).toList();

        List<Snapshot> snapshots = rest.snapshots(symbols, "iex", 3);

        stub.server.verify(3, getRequestedFor(urlPathEqualTo("/v2/stocks/snapshots")).withQueryParam("feed", equalTo("iex")));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v2/stocks/snapshots")).withQueryParam("symbols", equalTo("S6")));
        assertThat(snapshots).hasSize(3);
        assertThat(snapshots.get(0)).isEqualTo(new Snapshot("AAPL", SESSION, 195 * 1.001, 195, 10_000, 190));
    }

    @Test
    void aGarbageOrCutAnswerIsAClearErrorNamingTheCall() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{\"AAA\":[{\"t\":\"2026-12-08T14:30:00Z\",\"o\":1")));
        assertThatThrownBy(() -> rest.minuteBars(List.of("AAA"), open, open.plusSeconds(60), "iex", 100))
                .isInstanceOf(AlpacaRest.UnreadableAnswer.class).hasMessageContaining("GET /v2/stocks/bars");

        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{\"AAA\":[{\"t\":\"2026-12-08T14:30:00Z\",\"o\":1}]}}")));
        assertThatThrownBy(() -> rest.minuteBars(List.of("AAA"), open, open.plusSeconds(60), "iex", 100))
                .isInstanceOf(AlpacaRest.UnreadableAnswer.class).hasMessageContaining("GET /v2/stocks/bars").hasMessageContaining("AAA")
                .hasMessageContaining("'h'");

        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/snapshots")).willReturn(okJson("[1,2]")));
        assertThatThrownBy(() -> rest.snapshots(List.of("AAA"), "iex", 10))
                .isInstanceOf(AlpacaRest.UnreadableAnswer.class).hasMessageContaining("GET /v2/stocks/snapshots");
    }

    @Test
    void aPageTokenThatComesBackIsAnErrorNotAnEndlessLoop() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{},\"next_page_token\":\"again\"}")));
        assertThatThrownBy(() -> rest.minuteBars(List.of("AAA"), open, open.plusSeconds(60), "iex", 100))
                .hasMessageContaining("next_page_token 'again' came back twice");
    }

    @Test
    void wrongKeysNameBothKeySettings() {
        stub.server.stubFor(get(urlPathEqualTo("/v2/assets")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"forbidden.\"}")));
        assertThatThrownBy(rest::assets).isInstanceOf(AlpacaRest.RefusedException.class)
                .hasMessageContaining("GET /v2/assets").hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY");
        stub.server.stubFor(get(urlPathEqualTo("/v2/stocks/bars")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40110000,\"message\":\"request is not authorized\"}")));
        assertThatThrownBy(() -> rest.minuteBars(List.of("AAA"), open, open.plusSeconds(60), "iex", 100))
                .hasMessageContaining("HTTP 401").hasMessageContaining("ALPACA_API_KEY / ALPACA_SECRET_KEY");
    }

    static String asset(String symbol, String exchange, boolean tradable) {
        return "{\"id\":\"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415\",\"class\":\"us_equity\",\"exchange\":\"" + exchange + "\",\"symbol\":\""
                + symbol + "\",\"name\":\"" + symbol + " Inc. Common Stock\",\"status\":\"active\",\"tradable\":" + tradable
                + ",\"marginable\":true,\"shortable\":true,\"easy_to_borrow\":true,\"fractionable\":true,\"attributes\":[]}";
    }

    /** A snapshot as Alpaca answers it: latest trade and quote, minute bar, today's daily bar and the previous one. */
    static String snapshot(LocalDate day, double previousClose, double close, long volume) {
        String t = day.atStartOfDay(TradingClock.EXCHANGE_ZONE).toInstant().toString();
        String prev = day.minusDays(1).atStartOfDay(TradingClock.EXCHANGE_ZONE).toInstant().toString();
        return "{\"latestTrade\":{\"t\":\"2026-12-08T15:00:01.123456Z\",\"x\":\"V\",\"p\":" + close + ",\"s\":100,\"c\":[\"@\"],\"i\":52983525029461,\"z\":\"C\"},"
                + "\"latestQuote\":{\"t\":\"2026-12-08T15:00:01.2Z\",\"ax\":\"V\",\"ap\":" + (close + 0.01) + ",\"as\":2,\"bx\":\"V\",\"bp\":"
                + (close - 0.01) + ",\"bs\":3,\"c\":[\"R\"],\"z\":\"C\"},"
                + "\"minuteBar\":" + AlpacaMarketStub.bar("2026-12-08T14:59:00Z", close, close, close, close, 100) + ","
                + "\"dailyBar\":" + AlpacaMarketStub.bar(t, close * 1.001, close * 1.01, close * 0.99, close, volume) + ","
                + "\"prevDailyBar\":" + AlpacaMarketStub.bar(prev, previousClose, previousClose, previousClose, previousClose, volume) + "}";
    }
}
