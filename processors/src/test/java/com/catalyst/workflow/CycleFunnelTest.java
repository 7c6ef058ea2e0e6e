package com.catalyst.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.news.NewsResponse;
import com.catalyst.news.SymbolCatalyst;
import com.catalyst.pattern.PatternFinding;
import com.catalyst.pattern.PatternResponse;
import com.catalyst.risk.Portfolio;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.RiskResponse;
import com.catalyst.risk.TradeProposal;
import com.catalyst.scanner.ScanCandidate;
import com.catalyst.scanner.ScanRequest;
import com.catalyst.scanner.ScanResponse;
import com.catalyst.technical.TechnicalReading;
import com.catalyst.technical.TechnicalResponse;
import com.catalyst.trading.OrderOutcome;
import com.catalyst.trading.TradeResponse;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.PositionSide;
import com.catalyst.risk.Verdict;
class CycleFunnelTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 3, 10);
    private static final Instant AS_OF = Instant.parse("2026-03-10T15:00:00Z");

    private final CycleFunnel funnel = new CycleFunnel(new FunnelSizes(100, 35, 20, 10, 5));

    private static CycleState state(TradingMode mode) {
        return new CycleState("cyc-1", mode, SESSION, AS_OF, 120, Instant.now());
    }

    /** A candidate whose only score is {@code technical}, so its composite is 0.3 × technical. */
    private static ScanCandidate candidate(String symbol, double technical, int rank) {
        return new ScanCandidate(symbol, 20, 1000, 0, 1, 0, 0.1, 0, 0, 0, technical, ScanCandidate.composite(0, 0, 0, technical), rank);
    }

    /** n candidates S000.. ranked best first: S000 has the highest composite. */
    private static List<ScanCandidate> ranked(int n) {
        List<ScanCandidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(candidate(String.format("S%03d", i), 100 - 0.5 * i, i + 1));
        }
        return list;
    }

    private static SymbolCatalyst catalyst(String symbol, double score, double sentiment, int items) {
        return new SymbolCatalyst(symbol, score, sentiment, null, items);
    }

    private static PatternFinding pattern(String symbol, double confidence) {
        return pattern(symbol, "bull_flag", "bullish", confidence);
    }

    private static PatternFinding pattern(String symbol, String type, String direction, double confidence) {
        return new PatternFinding(symbol, type, direction, confidence, AS_OF.minusSeconds(600), AS_OF, Map.of("breakout", 21.0));
    }

    private static TechnicalReading reading(String symbol, double price, double atr, double signal, boolean passed) {
        return new TechnicalReading(symbol, AS_OF, price, 55, 0.2, 0.1, 0.1, price, price, price, atr, price + 1, price, price - 1,
                price, 60, 55, 1.5, signal, "BUY", passed, passed ? "RSI in band and MACD above signal" : "MACD not above its signal");
    }

    private static List<String> symbols(List<ScanCandidate> candidates) {
        return candidates.stream().map(ScanCandidate::symbol).toList();
    }

    private CycleState scanned(int n) {
        CycleState state = state(TradingMode.NORMAL);
        return funnel.afterScan(state, new ScanResponse("cyc-1", AS_OF, 500, n, java.util.Map.of(), ranked(n)));
    }

    @Test
    void theScanRequestAsksForTheFirstStepsSize() {
        ScanRequest request = funnel.scanRequest(state(TradingMode.NORMAL));
        assertThat(request).isEqualTo(new ScanRequest("cyc-1", SESSION, AS_OF, 100));
    }

    @Test
    void aWatchlistSymbolThatOnlyMissedTheCutGoesOnAndOneAFilterDroppedStopsAtTheScan() {
        List<ScanCandidate> candidates = new ArrayList<>(ranked(3));
        candidates.add(candidate("WATCH", 10, 4).onWatchlist(null));
        candidates.add(candidate("PENNY", 90, 5).onWatchlist("price"));
        CycleState state = funnel.afterScan(state(TradingMode.NORMAL), new ScanResponse("cyc-1", AS_OF, 500, 4, Map.of(), candidates));
        assertThat(symbols(state.candidates)).containsExactly("S000", "S001", "S002", "WATCH");
        assertThat(funnel.newsRequest(state).symbols()).contains("WATCH").doesNotContain("PENNY");
    }

    @Test
    void theFunnelNarrowsHundredThirtyFiveTwentyTenFive() {
        CycleState state = scanned(100);
        assertThat(funnel.newsRequest(state).symbols()).hasSize(100);

        List<SymbolCatalyst> catalysts = state.candidates.stream().map(c -> catalyst(c.symbol(), 50, 0.4, 1)).toList();
        funnel.afterNews(state, new NewsResponse("cyc-1", catalysts, List.of()));
        assertThat(state.afterNews).hasSize(35);
        assertThat(funnel.patternRequest(state).symbols()).hasSize(35);
        assertThat(funnel.patternRequest(state).minConfidence()).isEqualTo(TradingMode.NORMAL.patternMinConfidence());

        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, state.afterNews.stream().map(c -> pattern(c.symbol(), 0.7)).toList()));
        assertThat(state.afterPattern).hasSize(20);
        assertThat(funnel.technicalRequest(state).symbols()).hasSize(20);
        assertThat(funnel.technicalRequest(state).rsiLow()).isEqualTo(30);
        assertThat(funnel.technicalRequest(state).rsiHigh()).isEqualTo(70);

        funnel.afterTechnical(state, new TechnicalResponse("cyc-1",
                state.afterPattern.stream().map(c -> reading(c.symbol(), 20, 0.5, 70, true)).toList(), Map.of()));
        assertThat(state.afterTechnical).hasSize(10);
        assertThat(state.picks).hasSize(5);

        CycleSummary summary = funnel.summary(state, "completed");
        assertThat(summary.scanned()).isEqualTo(500);
        assertThat(summary.candidates()).isEqualTo(100);
        assertThat(summary.afterNews()).isEqualTo(35);
        assertThat(summary.afterPattern()).isEqualTo(20);
        assertThat(summary.afterTechnical()).isEqualTo(10);
        assertThat(summary.picked()).isEqualTo(5);
        assertThat(summary.pickedSymbols()).isEqualTo(symbols(state.picks));
        assertThat(summary.newsStatus()).isEqualTo("ok");
        assertThat(summary.mode()).isEqualTo("normal");
        assertThat(summary.status()).isEqualTo("completed");
        // everything equal but the scan: the scan's best five are picked
        assertThat(summary.pickedSymbols()).containsExactly("S000", "S001", "S002", "S003", "S004");
    }

    @Test
    void withoutNewsTheScanRankingStandsAndNewsIsMarkedMissing() {
        CycleState state = scanned(100);
        funnel.newsMissing(state);
        assertThat(state.newsStatus).isEqualTo("missing");
        assertThat(symbols(state.afterNews)).isEqualTo(symbols(state.candidates.subList(0, 35)));
        assertThat(funnel.summary(state, "completed").newsStatus()).isEqualTo("missing");
    }

    @Test
    void aCatalystLiftsACandidateAboveBetterScannedOnes() {
        CycleState state = scanned(50);
        // S049 scanned last (composite 0.3 × 75.5); a catalyst of 100 adds 30
        funnel.afterNews(state, new NewsResponse("cyc-1", List.of(catalyst("S049", 100, 0.6, 2)), List.of()));
        assertThat(state.afterNews.get(0).symbol()).isEqualTo("S049");
        assertThat(state.afterNews.get(0).catalystScore()).isEqualTo(100);
        assertThat(state.afterNews.get(0).compositeScore()).isCloseTo(0.3 * 75.5 + 30, within(1e-9));
        assertThat(state.afterNews).hasSize(35);
    }

    @Test
    void clearlyNegativeNewsDropsASymbol() {
        CycleState state = scanned(4);
        funnel.afterNews(state, new NewsResponse("cyc-1", List.of(
                catalyst("S000", 0, -0.31, 2),   // below −0.3 in normal mode: dropped
                catalyst("S001", 0, -0.29, 1),   // mildly negative: kept
                catalyst("S002", 0, -0.9, 0)),   // no items: nothing was said
                List.of()));
        assertThat(symbols(state.afterNews)).containsExactly("S001", "S002", "S003");
    }

    @Test
    void withShortsOnClearNewsDecidesTheDirectionAPatternMayTake() {
        CycleFunnel shorts = new CycleFunnel(new FunnelSizes(100, 35, 20, 10, 5), true);
        CycleState state = scanned(5);
        shorts.afterNews(state, new NewsResponse("cyc-1", List.of(
                catalyst("S000", 0, -0.6, 3),    // clearly negative: kept, short only, catalyst 60
                catalyst("S001", 80, 0.5, 2),    // clearly positive: long only
                catalyst("S002", 0, -0.29, 1)),  // mildly negative: either way
                List.of()));
        assertThat(symbols(state.afterNews)).contains("S000", "S001", "S002", "S003", "S004");
        assertThat(state.afterNews.stream().filter(c -> c.symbol().equals("S000")).findFirst().orElseThrow().catalystScore())
                .isCloseTo(60, within(1e-9));
        assertThat(state.newsDirection).containsExactlyInAnyOrderEntriesOf(Map.of("S000", "bearish", "S001", "bullish"));

        shorts.afterPattern(state, new PatternResponse("cyc-1", AS_OF, List.of(
                pattern("S000", 0.9),                       // bullish against bad news: dropped
                pattern("S001", "double_top", "bearish", 0.9), // bearish against good news: dropped
                pattern("S002", "double_top", "bearish", 0.8),
                pattern("S003", 0.7))));
        assertThat(symbols(state.afterPattern)).containsExactly("S002", "S003");

        CycleState bad = scanned(2);
        shorts.afterNews(bad, new NewsResponse("cyc-1", List.of(catalyst("S000", 0, -0.6, 3)), List.of()));
        shorts.afterPattern(bad, new PatternResponse("cyc-1", AS_OF, List.of(pattern("S000", "double_top", "bearish", 0.7))));
        assertThat(symbols(bad.afterPattern)).containsExactly("S000");
        assertThat(CycleFunnel.bearish(bad, bad.afterPattern.get(0))).isTrue();
    }

    @Test
    void withShortsOffNewsSetsNoDirection() {
        CycleState state = scanned(3);
        funnel.afterNews(state, new NewsResponse("cyc-1", List.of(catalyst("S001", 80, 0.5, 2)), List.of()));
        assertThat(state.newsDirection).isEmpty();
    }

    @Test
    void theNegativeThresholdIsTheModes() {
        CycleState aggressive = state(TradingMode.AGGRESSIVE);
        funnel.afterScan(aggressive, new ScanResponse("cyc-1", AS_OF, 2, 2, java.util.Map.of(), ranked(2)));
        funnel.afterNews(aggressive, new NewsResponse("cyc-1", List.of(catalyst("S000", 0, -0.25, 1)), List.of()));
        assertThat(symbols(aggressive.afterNews)).containsExactly("S001");

        CycleState conservative = state(TradingMode.CONSERVATIVE);
        funnel.afterScan(conservative, new ScanResponse("cyc-1", AS_OF, 2, 2, java.util.Map.of(), ranked(2)));
        funnel.afterNews(conservative, new NewsResponse("cyc-1", List.of(catalyst("S000", 0, -0.25, 1)), List.of()));
        assertThat(symbols(conservative.afterNews)).containsExactly("S000", "S001");
    }

    @Test
    void onlySymbolsWithAPatternPassOrderedByConfidence() {
        CycleState state = scanned(6);
        funnel.newsMissing(state);
        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, List.of(
                pattern("S004", 0.9), pattern("S001", 0.65), pattern("S003", 0.65), pattern("UNKNOWN", 0.99))));
        // equal confidence: the better scan first
        assertThat(symbols(state.afterPattern)).containsExactly("S004", "S001", "S003");
    }

    @Test
    void onlySymbolsWhoseTechnicalsPassGoOn() {
        CycleState state = scanned(6);
        funnel.newsMissing(state);
        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, state.afterNews.stream().map(c -> pattern(c.symbol(), 0.7)).toList()));
        funnel.afterTechnical(state, new TechnicalResponse("cyc-1", List.of(
                reading("S000", 20, 0.5, 90, false),
                reading("S001", 20, 0.5, 40, true),
                reading("S002", 20, 0.5, 80, true)), Map.of("S003", "not enough bars (have 10, need 34)")));
        assertThat(symbols(state.afterTechnical)).containsExactly("S002", "S001");
    }

    @Test
    void picksAreOrderedByTheFinalScore() {
        CycleState state = scanned(3);
        funnel.newsMissing(state);
        // S000 scans best but has a weak pattern and signal; S002 scans worst but has the strongest both
        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, List.of(pattern("S000", 0.5), pattern("S001", 0.7), pattern("S002", 0.95))));
        funnel.afterTechnical(state, new TechnicalResponse("cyc-1", List.of(
                reading("S000", 20, 0.5, 40, true), reading("S001", 20, 0.5, 60, true), reading("S002", 20, 0.5, 90, true)), Map.of()));
        assertThat(symbols(state.picks)).containsExactly("S002", "S001", "S000");
        ScanCandidate s002 = state.picks.get(0);
        // 40 % scanner composite, 30 % pattern confidence, 30 % signal
        assertThat(CycleFunnel.finalScore(state, s002)).isCloseTo(0.4 * s002.compositeScore() + 0.3 * 95 + 0.3 * 90, within(1e-9));
    }

    @Test
    void theRiskRequestProposesLongEntriesAtTheTechnicalPrice() {
        CycleState state = scanned(2);
        funnel.newsMissing(state);
        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, List.of(pattern("S000", 0.8), pattern("S001", 0.7))));
        funnel.afterTechnical(state, new TechnicalResponse("cyc-1", List.of(
                reading("S000", 21.123456, 0.42, 70, true), reading("S001", 55.5, 1.1, 60, true)), Map.of()));

        RiskRequest request = funnel.riskRequest(state);
        assertThat(request.cycleId()).isEqualTo("cyc-1");
        assertThat(request.sizeMultiplier()).isEqualTo(TradingMode.NORMAL.sizeMultiplier());
        assertThat(request.proposals()).extracting(TradeProposal::symbol).containsExactlyElementsOf(symbols(state.picks));
        TradeProposal first = request.proposals().stream().filter(p -> p.symbol().equals("S000")).findFirst().orElseThrow();
        assertThat(first.side()).isEqualTo("long");
        assertThat(first.entryPrice()).isEqualTo(new BigDecimal("21.1235"));
        assertThat(first.atr()).isEqualTo(0.42);
        assertThat(first.patternType()).isEqualTo("bull_flag");
        assertThat(first.score()).isCloseTo(CycleFunnel.finalScore(state, state.picks.stream()
                .filter(c -> c.symbol().equals("S000")).findFirst().orElseThrow()), within(1e-9));
    }

    @Test
    void onlyTradeableDecisionsBecomeTradesAndTheSummaryCountsThem() {
        CycleState state = scanned(3);
        Portfolio portfolio = new Portfolio(new BigDecimal("100000"), new BigDecimal("100000"), 0, java.util.Set.of(), BigDecimal.ZERO);
        RiskDecision approved = new RiskDecision("S000", PositionSide.LONG, Verdict.APPROVED, 10, 10, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ONE, null, "ok", Map.of());
        RiskDecision resized = new RiskDecision("S001", PositionSide.LONG, Verdict.RESIZED, 10, 5, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ONE, null, "cut", Map.of());
        RiskDecision rejected = new RiskDecision("S002", PositionSide.LONG, Verdict.REJECTED, 10, 0, BigDecimal.TEN, null, null, BigDecimal.ZERO, null,
                "no", Map.of());
        funnel.afterRisk(state, new RiskResponse("cyc-1", portfolio, List.of(approved, resized, rejected)));
        assertThat(funnel.tradeRequest(state).decisions()).containsExactly(approved, resized);

        funnel.afterTrade(state, new TradeResponse("cyc-1", List.of(
                new OrderOutcome("entry", "CAT-1", "S000", OrderSide.BUY, 10, "filled", 10, BigDecimal.TEN, null),
                new OrderOutcome("entry", "CAT-2", "S001", OrderSide.BUY, 5, "rejected", 0, null, "no price"),
                new OrderOutcome("exit", "CAT-EXIT-3", "OLD", OrderSide.SELL, 7, "filled", 7, BigDecimal.ONE, null))));
        CycleSummary summary = funnel.summary(state, "completed");
        assertThat(summary.approved()).isEqualTo(2);
        assertThat(summary.placed()).isEqualTo(1); // filled entries only
        assertThat(summary.orders()).hasSize(3);
    }

    @Test
    void marksRecordEachStepsDurationWithoutTheInternalMark() {
        CycleState state = scanned(1);
        funnel.mark(state, "scan");
        funnel.mark(state, "news");
        Map<String, Long> steps = funnel.summary(state, "completed").stepMillis();
        assertThat(steps).containsOnlyKeys("scan", "news");
        assertThat(steps.values()).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0));
    }

    /** A reading as the technical bundle gives it, with the RSI and MACD a short is judged on. */
    private static TechnicalReading bearishReading(String symbol, double rsi, double macd, double macdSignal, double signal) {
        return new TechnicalReading(symbol, AS_OF, 30, rsi, macd, macdSignal, macd - macdSignal, 30, 30, 30, 0.5, 31, 30, 29,
                30, 40, 45, 1.5, signal, "SELL", false, "MACD not above its signal");
    }

    @Test
    void aBearishFindingIsJudgedTheOtherWayAndProposedAsAShort() {
        CycleState state = scanned(3);
        funnel.newsMissing(state);
        funnel.afterPattern(state, new PatternResponse("cyc-1", AS_OF, List.of(
                new PatternFinding("S000", "bear_flag", "bearish", 0.8, AS_OF.minusSeconds(600), AS_OF, Map.of("entry", 30.0)),
                new PatternFinding("S001", "double_top", "bearish", 0.7, AS_OF.minusSeconds(600), AS_OF, Map.of("entry", 30.0)),
                pattern("S002", 0.6))));
        funnel.afterTechnical(state, new TechnicalResponse("cyc-1", List.of(
                // RSI 40 is in NORMAL's band 30-70 reflected (30-70), MACD below its signal: a short passes with the mirrored score
                bearishReading("S000", 40, -0.2, -0.1, 20),
                // MACD above its signal: no short
                bearishReading("S001", 40, 0.2, 0.1, 20),
                reading("S002", 20, 0.5, 60, true)), Map.of()));

        assertThat(symbols(state.afterTechnical)).containsExactly("S000", "S002");
        assertThat(CycleFunnel.signal(state, state.afterTechnical.get(0))).isEqualTo(80);
        RiskRequest request = funnel.riskRequest(state);
        assertThat(request.proposals()).extracting(TradeProposal::symbol, TradeProposal::side, TradeProposal::patternType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("S000", "short", "bear_flag"),
                        org.assertj.core.groups.Tuple.tuple("S002", "long", "bull_flag"));
    }
}
