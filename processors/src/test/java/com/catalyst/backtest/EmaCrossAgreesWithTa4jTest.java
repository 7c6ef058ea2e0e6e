package com.catalyst.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ema-cross strategy run through the bundles' backtest routes (routes/*-backtest.camel.yaml: the technical step's
 * EMAs and ATR, the risk manager, the exit planner, the paper broker) gives the same trades as ta4j 0.17's backtest of the same rules ({@link Ta4jEmaCross}) on the real SPY minutes of January and March
 * 2011: the same entry and exit bars and prices.
 * <p>
 * How fills are modelled so that they match: both fill at the signal bar's close. Catalyst: the paper broker fills a
 * market order at the last price, the close of the bar the clock stands on, with slippage and commission set to 0;
 * ta4j: {@code TradeOnCurrentCloseModel} with its zero cost model. Both restart the indicators each session, neither
 * enters on the session's last bar (Catalyst: no-entry-last-minutes 1), and both close on it (Catalyst: flatten 0).
 * Quantities differ (risk sizes Catalyst's, ta4j trades one unit), so only bars and prices are compared.
 */
class EmaCrossAgreesWithTa4jTest {

    @Test
    void sameTradesAsTa4jOnRealMinuteBars() {
        BacktestData data = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
        BacktestConfig config = Configs.crossCheck();
        BacktestResult catalyst;
        try (BacktestRoutesHarness routes = new BacktestRoutesHarness()) {
            catalyst = new BacktestEngine(data, config).run(BacktestListener.NONE, routes.runner());
        }

        Ta4jEmaCross ta4j = new Ta4jEmaCross(config.emaFast(), config.emaSlow(), config.atrPeriod(), config.atrMultiple(),
                config.risk().rewardToRisk());
        List<String> expected = new ArrayList<>();
        long offset = 0;
        for (LocalDate session : data.sessions()) {
            var bars = data.market().session("SPY", session);
            for (Ta4jEmaCross.Trip t : ta4j.run(Ta4jEmaCross.series(bars))) {
                expected.add(trip(offset + t.entryIndex(), t.entryPrice(), offset + t.exitIndex(), t.exitPrice()));
            }
            offset += bars.size();
        }
        List<String> actual = catalyst.trades().stream()
                .map(t -> trip(t.entryBar(), t.entryPrice().doubleValue(), t.exitBar(), t.exitPrice().doubleValue())).toList();

        assertThat(expected).as("ta4j trades on 43 sessions of SPY").hasSizeGreaterThan(100);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static String trip(long entryBar, double entry, long exitBar, double exit) {
        return "in@" + entryBar + " " + entry + " out@" + exitBar + " " + exit;
    }
}
