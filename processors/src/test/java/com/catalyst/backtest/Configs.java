package com.catalyst.backtest;

import java.math.BigDecimal;

import com.catalyst.risk.RiskLimits;
import com.catalyst.scanner.ScannerSettings;
import com.catalyst.workflow.FunnelSizes;
import com.catalyst.workflow.TradingMode;

/** Backtest configurations for the tests: the defaults of application.yaml, and the cross-check's. */
public final class Configs {

    private Configs() {
    }

    /** application.yaml's values: normal mode, the funnel, scanner, risk limits and paper account as shipped. */
    public static BacktestConfig defaults(String strategy) {
        return new BacktestConfig(strategy, TradingMode.of("normal"), new FunnelSizes(100, 35, 20, 10, 5),
                new ScannerSettings(5, 500, 500_000, 30, 1.0, 0, 0, 0.03),
                new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.20"), new BigDecimal("5"), new BigDecimal("2000"), 2.0, 2.0,
                        BigDecimal.ONE, 5, 15),
                new BigDecimal("100000"), 2, new BigDecimal("0.005"), 5, 5, 9, 21, 14, 2.0);
    }

    /**
     * The ta4j cross-check's: EMA 9/21 with a 2 × ATR(14) stop; fills at the signal bar's close with no slippage and no
     * commission; no entry window except the session's last bar; positions closed on the session's last bar (flatten 0);
     * a kill switch that cannot trip. What stays is the strategy, risk's stop and target, and the fills.
     */
    public static BacktestConfig crossCheck() {
        return new BacktestConfig(BacktestConfig.EMA_CROSS, TradingMode.of("normal"), new FunnelSizes(100, 35, 20, 10, 5),
                new ScannerSettings(5, 500, 500_000, 30, 1.0, 0, 0, 0.03),
                new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.20"), new BigDecimal("5"), new BigDecimal("1000000000"), 2.0, 2.0,
                        BigDecimal.ONE, 0, 1),
                new BigDecimal("100000"), 0, BigDecimal.ZERO, 0, 1, 9, 21, 14, 2.0);
    }
}
