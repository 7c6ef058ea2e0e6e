package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class BacktestConfigTest {

    private static BacktestConfig ema(int fast, int slow, int atrPeriod, double atrMultiple) {
        BacktestConfig d = Configs.defaults(BacktestConfig.EMA_CROSS);
        return new BacktestConfig(d.strategy(), d.mode(), d.funnel(), d.scanner(), d.risk(), d.startingCash(), d.slippageBps(),
                d.commissionPerShare(), d.flattenMinutesBeforeClose(), d.cycleMinutes(), fast, slow, atrPeriod, atrMultiple);
    }

    @Test
    void periodsAndTheStopMultipleAreBounded() {
        assertThatNoException().isThrownBy(() -> ema(9, BacktestConfig.MAX_PERIOD, BacktestConfig.MAX_PERIOD, BacktestConfig.MAX_ATR_MULTIPLE));
        assertThatThrownBy(() -> ema(9, 2_000_000_000, 14, 2)).hasMessageContaining("slow <= 98280");
        assertThatThrownBy(() -> ema(9, 21, 2_000_000_000, 2)).hasMessageContaining("ATR period of 1 to 98280");
        assertThatThrownBy(() -> ema(9, 21, 14, 1e300)).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> ema(9, 21, 14, Double.NaN)).hasMessageContaining("above 0");
    }
}
