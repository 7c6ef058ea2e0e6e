package com.catalyst.pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.catalyst.market.MarketDataPort;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternStageTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    final SimulatedMarket market = new SimulatedMarket(new SimulatedScenario(20260105L, 200));
    final List<String> symbols = market.universe().stream().map(MarketDataPort.SecurityInfo::symbol).limit(60).toList();

    @Test
    void aStageThatFollowedTheSessionAnswersLikeAFreshOne() {
        PatternStage live = new PatternStage(market);
        for (String time : List.of("10:00", "10:07", "10:21", "10:22", "10:40")) {
            live.analyze(request(time, 0.0));
        }
        PatternResponse followed = live.analyze(request("10:41", 0.0));
        PatternResponse fresh = new PatternStage(market).analyze(request("10:41", 0.0));
        assertThat(followed.findings()).isNotEmpty().isEqualTo(fresh.findings());
    }

    @Test
    void anEarlierInstantAfterALaterOneIsAnsweredAsOfThatInstant() {
        PatternStage live = new PatternStage(market);
        live.analyze(request("11:30", 0.0));
        PatternResponse earlier = live.analyze(request("10:15", 0.0));
        assertThat(earlier.findings()).isEqualTo(new PatternStage(market).analyze(request("10:15", 0.0)).findings());
        assertThat(earlier.findings()).allSatisfy(f -> assertThat(f.lastBarTime()).isBeforeOrEqualTo(at("10:15")));
        // and the live state still answers for the later instant
        assertThat(live.analyze(request("11:30", 0.0)).findings()).isEqualTo(new PatternStage(market).analyze(request("11:30", 0.0)).findings());
    }

    @Test
    void findingsAreBullishWithinRangeAboveTheMinimumAndBestFirst() {
        PatternResponse response = new PatternStage(market).analyze(request("11:00", 0.6));
        assertThat(response.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.direction()).isEqualTo("bullish");
            assertThat(f.confidence()).isBetween(0.6, 1.0);
            assertThat(f.firstBarTime()).isBeforeOrEqualTo(f.lastBarTime());
        });
        assertThat(response.findings()).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(response.findings().stream().map(PatternFinding::symbol)).doesNotHaveDuplicates();
    }

    @Test
    void aSymbolWithoutBarsHasNoFinding() {
        PatternResponse response = new PatternStage(market).analyze(
                new PatternRequest("c", DAY, at("09:30"), symbols, 0.0));
        assertThat(response.findings()).isEmpty();
    }

    private PatternRequest request(String time, double minConfidence) {
        return new PatternRequest("20260106-001", DAY, at(time), symbols, minConfidence);
    }

    private static Instant at(String time) {
        return ZonedDateTime.of(DAY, LocalTime.parse(time), TradingClock.EXCHANGE_ZONE).toInstant();
    }

    @Test
    void withShortsAllowedBearishPatternsAreFindingsTooAndWithoutThemNever() {
        List<PatternFinding> both = new java.util.ArrayList<>();
        List<PatternFinding> longOnly = new java.util.ArrayList<>();
        PatternStage shorts = new PatternStage(market, true);
        PatternStage longs = new PatternStage(market);
        for (String time : List.of("10:30", "11:30", "12:30", "13:30", "14:30", "15:30")) {
            both.addAll(shorts.analyze(request(time, 0.0)).findings());
            longOnly.addAll(longs.analyze(request(time, 0.0)).findings());
        }
        assertThat(both).extracting(PatternFinding::direction).contains("bearish", "bullish");
        assertThat(longOnly).isNotEmpty().allSatisfy(f -> assertThat(f.direction()).isEqualTo("bullish"));
    }
}
