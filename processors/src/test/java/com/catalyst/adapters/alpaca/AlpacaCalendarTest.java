package com.catalyst.adapters.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.market.clock.MutableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alpaca's calendar and clock against a local WireMock stub serving the payloads of {@code GET /v2/calendar} and
 * {@code GET /v2/clock} (Trading API v2; REFERENCE.md 4.13): early closes, holidays, retries, bad answers, refreshes.
 */
class AlpacaCalendarTest {

    // the week of Thanksgiving 2026 as Alpaca lists it: no 2026-11-26 (the holiday), a 13:00 close on the 27th
    static final String THANKSGIVING_WEEK = """
            [{"date":"2026-11-23","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"2026-11-24"},
             {"date":"2026-11-24","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"2026-11-25"},
             {"date":"2026-11-25","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"2026-11-27"},
             {"date":"2026-11-27","open":"09:30","close":"13:00","session_open":"0400","session_close":"1700","settlement_date":"2026-11-30"},
             {"date":"2026-11-30","open":"09:30","close":"16:00","session_open":"0400","session_close":"2000","settlement_date":"2026-12-01"}]
            """;

    WireMockServer alpaca;
    AlpacaRest rest;
    URI url;
    // Wednesday 2026-11-25, 12:00 New York
    final MutableClock wall = new MutableClock(Instant.parse("2026-11-25T17:00:00Z"));

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        url = URI.create(alpaca.baseUrl());
        // short backoffs keep the test fast; three attempts a call
        rest = new AlpacaRest("PKTESTKEYID", "s3cr3t-never-shown", Duration.ofSeconds(2), Duration.ofSeconds(3),
                new AlpacaRest.Retries(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(1)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), wait -> { });
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    private void calendarAnswers(String body) {
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(okJson(body)));
    }

    @Test
    void anEarlyCloseIsReadAs1300AndAHolidayHasNoSession() {
        calendarAnswers(THANKSGIVING_WEEK);
        AlpacaCalendar calendar = AlpacaCalendar.load(rest, url, wall);

        assertThat(calendar.session(LocalDate.of(2026, 11, 27))).get().satisfies(s -> {
            assertThat(s.close()).isEqualTo(LocalTime.of(13, 0));
            assertThat(s.earlyClose()).isTrue();
        });
        assertThat(calendar.session(LocalDate.of(2026, 11, 25))).get().extracting(MarketCalendar.Session::close).isEqualTo(LocalTime.of(16, 0));
        assertThat(calendar.isTradingDay(LocalDate.of(2026, 11, 26))).isFalse(); // Thanksgiving: absent from the answer
        assertThat(calendar.isTradingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(calendar.nextTradingDay(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
        // a window around today, with the keys on the request
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/calendar")).withQueryParam("start", equalTo("2026-11-15"))
                .withQueryParam("end", equalTo("2027-01-04")).withHeader("APCA-API-KEY-ID", equalTo("PKTESTKEYID")));
    }

    @Test
    void theClockOnAlpacasCalendarClosesAt1300OnAnEarlyCloseDay() {
        calendarAnswers(THANKSGIVING_WEEK);
        alpaca.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson("""
                {"timestamp":"2026-11-25T12:00:00.123456-05:00","is_open":true,
                 "next_open":"2026-11-27T09:30:00-05:00","next_close":"2026-11-25T16:00:00-05:00"}""")));
        AlpacaClock clock = AlpacaClock.start(rest, url, wall);
        assertThat(clock.isMarketOpen()).isTrue();

        wall.advance(Duration.ofHours(48).plusMinutes(50)); // Friday 12:50
        assertThat(clock.sessionDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(clock.isMarketOpen()).isTrue();
        assertThat(clock.minutesToClose()).isEqualTo(10);
        assertThat(clock.sessionClose()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        wall.advance(Duration.ofMinutes(10)); // 13:00
        assertThat(clock.isMarketOpen()).isFalse();
        assertThat(clock.minutesToClose()).isZero();
    }

    @Test
    void alpacasClockIsComparedWithTheCalendarAtAlpacasTimestamp() {
        calendarAnswers(THANKSGIVING_WEEK);
        AlpacaClock clock = new AlpacaClock(wall, AlpacaCalendar.load(rest, url, wall));
        alpaca.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson("""
                {"timestamp":"2026-11-27T13:30:00-05:00","is_open":false,"next_open":"2026-11-30T09:30:00-05:00","next_close":"2026-11-30T16:00:00-05:00"}""")));
        assertThat(clock.compareWithAlpacaClock(rest, url)).isTrue(); // 13:30 on the early-close day: both say closed
        alpaca.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(okJson("""
                {"timestamp":"2026-11-27T13:30:00-05:00","is_open":true,"next_open":"2026-11-30T09:30:00-05:00","next_close":"2026-11-27T16:00:00-05:00"}""")));
        assertThat(clock.compareWithAlpacaClock(rest, url)).isFalse(); // a disagreement: a WARN, not a refusal
        alpaca.stubFor(get(urlPathEqualTo("/v2/clock")).willReturn(aResponse().withStatus(404)));
        assertThat(clock.compareWithAlpacaClock(rest, url)).isFalse();
    }

    @Test
    void a429ThenAnAnswerIsRetried() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("{\"code\":42910000,\"message\":\"rate limit exceeded\"}")).willSetStateTo("served"));
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).inScenario("limited").whenScenarioStateIs("served")
                .willReturn(okJson(THANKSGIVING_WEEK)));
        AlpacaCalendar calendar = AlpacaCalendar.load(rest, url, wall);
        assertThat(calendar.session(LocalDate.of(2026, 11, 27))).get().extracting(MarketCalendar.Session::close).isEqualTo(LocalTime.of(13, 0));
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/calendar")));
    }

    @Test
    void a5xxThenAnAnswerIsRetried() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(THANKSGIVING_WEEK)));
        assertThat(AlpacaCalendar.load(rest, url, wall).isTradingDay(LocalDate.of(2026, 11, 27))).isTrue();
        alpaca.verify(2, getRequestedFor(urlPathEqualTo("/v2/calendar")));
    }

    @Test
    void anUnreadableAnswerStopsStartUpNamingTheUrlSettingAndTheKeys() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /v2/calendar").hasMessageContaining("not JSON")
                .hasMessageContaining("CATALYST_BROKER_ALPACA_URL").hasMessageContaining("ALPACA_API_KEY")
                .hasMessageNotContaining("s3cr3t-never-shown");
        calendarAnswers("{\"calendar\": []}");
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall)).hasMessageContaining("expected a list of sessions");
        calendarAnswers("[{\"date\":\"2026-11-27\",\"open\":\"09:30\",\"close\":\"1pm\"}]");
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall)).hasMessageContaining("unreadable session").hasMessageContaining("1pm");
        calendarAnswers("[]");
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall)).hasMessageContaining("no session between 2026-11-15 and 2027-01-04");
    }

    @Test
    void wrongKeysOrNoAnswerStopStartUp() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":40110000,\"message\":\"request is not authorized\"}")));
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall))
                .hasMessageContaining("HTTP 401").hasMessageContaining("ALPACA_SECRET_KEY").hasMessageContaining("does not start");
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> AlpacaCalendar.load(rest, url, wall))
                .hasMessageContaining("after 3 attempts").hasMessageContaining("CATALYST_BROKER_ALPACA_URL");
    }

    @Test
    void aFailedRefreshKeepsTheWindowReadBeforeAndIsTriedAgainLater() {
        calendarAnswers(THANKSGIVING_WEEK);
        AlpacaCalendar calendar = AlpacaCalendar.load(rest, url, wall);
        alpaca.resetAll();
        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(aResponse().withStatus(500)));

        wall.advance(Duration.ofDays(21)); // 2026-12-16: within 20 days of the window's end, a refresh is due
        assertThat(calendar.session(LocalDate.of(2026, 11, 27))).get().extracting(MarketCalendar.Session::close).isEqualTo(LocalTime.of(13, 0));
        alpaca.verify(3, getRequestedFor(urlPathEqualTo("/v2/calendar"))); // one refresh, its three attempts
        calendar.session(LocalDate.of(2026, 11, 27));
        alpaca.verify(3, getRequestedFor(urlPathEqualTo("/v2/calendar"))); // not again before RETRY_AFTER

        alpaca.stubFor(get(urlPathEqualTo("/v2/calendar")).willReturn(okJson("""
                [{"date":"2026-12-24","open":"09:30","close":"13:00","session_open":"0400","session_close":"1700","settlement_date":"2026-12-28"}]""")));
        wall.advance(AlpacaCalendar.RETRY_AFTER);
        assertThat(calendar.session(LocalDate.of(2026, 12, 24))).get().extracting(MarketCalendar.Session::close).isEqualTo(LocalTime.of(13, 0));
        assertThat(calendar.window().from()).isEqualTo(LocalDate.of(2026, 12, 6));
        alpaca.verify(getRequestedFor(urlPathEqualTo("/v2/calendar")).withQueryParam("start", equalTo("2026-12-06")));
    }

    @Test
    void aDateOutsideTheWindowIsAnsweredByTheBuiltInCalendar() {
        calendarAnswers(THANKSGIVING_WEEK);
        AlpacaCalendar calendar = AlpacaCalendar.load(rest, url, wall);
        // 2027-11-26 is far past the window: the built-in calendar's early close answers
        assertThat(calendar.session(LocalDate.of(2027, 11, 26))).get().extracting(MarketCalendar.Session::close).isEqualTo(LocalTime.of(13, 0));
        assertThat(calendar.isTradingDay(LocalDate.of(2027, 11, 25))).isFalse();
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/calendar"))); // today is well inside the window: no refresh
    }
}
