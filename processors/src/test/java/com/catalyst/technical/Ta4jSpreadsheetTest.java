package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.ReferenceSheet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproduces ta4j's reference spreadsheets in data/reference/ta4j (Excel's cached formula values) to 1e-9
 * relative, on every row once the indicator is out of its warm-up (the sheets show partial values before that).
 */
class Ta4jSpreadsheetTest {

    private static ReferenceSheet sheet(String name) {
        return ReferenceSheet.read(DataSetSeries.dataDir().resolve("reference/ta4j/" + name));
    }

    @Test
    void simpleMovingAverage() {
        ReferenceSheet sheet = sheet("SMA.xls");
        int length = sheet.param("length");
        SimpleMovingAverage sma = new SimpleMovingAverage(length);
        assertMatches(sheet, "SMA", length - 1, bar -> sma.update(bar.close()));
    }

    @Test
    void exponentialMovingAverage() {
        ReferenceSheet sheet = sheet("EMA.xls");
        int length = sheet.param("length");
        ExponentialMovingAverage ema = ExponentialMovingAverage.ema(length);
        assertMatches(sheet, "EMA", length - 1, bar -> ema.update(bar.close()));
    }

    @Test
    void wilderMovingAverage() {
        ReferenceSheet sheet = sheet("MMA.xls");
        int length = sheet.param("length");
        ExponentialMovingAverage mma = ExponentialMovingAverage.wilder(length);
        assertMatches(sheet, "MMA", length - 1, bar -> mma.update(bar.close()));
    }

    @Test
    void averageTrueRangeAndTrueRange() {
        ReferenceSheet sheet = sheet("ATR.xls");
        int length = sheet.param("length");
        AverageTrueRange atr = new AverageTrueRange(length);
        AverageTrueRange trueRanges = new AverageTrueRange(length);
        assertMatches(sheet, "ATR", length - 1, bar -> atr.update(bar.high(), bar.low(), bar.close()));
        assertMatches(sheet, "TR", 0, bar -> {
            trueRanges.update(bar.high(), bar.low(), bar.close());
            return trueRanges.trueRange();
        });
    }

    @Test
    void relativeStrengthIndexSkippingTheCommentRow() {
        ReferenceSheet sheet = sheet("RSI.xls");
        int length = sheet.param("length");
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(length);
        assertMatches(sheet, "RSI", length, bar -> rsi.update(bar.close()));
    }

    @Test
    void relativeStrengthIndexOnAapl() {
        ReferenceSheet sheet = sheet("AAPL_StochRSI.xls");
        int length = sheet.param("length");
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(length);
        assertMatches(sheet, "RSI", length, bar -> rsi.update(bar.close()));
    }

    @Test
    void stochasticRsiOnAapl() {
        ReferenceSheet sheet = sheet("AAPL_StochRSI.xls");
        int length = sheet.param("length");
        StochasticRsi stochRsi = new StochasticRsi(length);
        assertMatches(sheet, "StochRSI", 2 * length - 1, bar -> stochRsi.update(bar.close()));
    }

    /** Feeds every bar of the sheet; before {@code firstReadyRow} ours must be NaN, from it on equal the column. */
    private static void assertMatches(ReferenceSheet sheet, String column, int firstReadyRow,
                                      ToDoubleFunction<Bar> indicator) {
        List<Bar> bars = sheet.bars();
        double[] expected = sheet.column(column);
        Agreement agreement = Agreement.toNineDigits(sheet.title() + " " + column);
        for (int i = 0; i < bars.size(); i++) {
            double ours = indicator.applyAsDouble(bars.get(i));
            if (i < firstReadyRow) {
                agreement.expectWarmingUp(column, i, ours);
            } else {
                agreement.expect(column, i, ours, expected[i]);
            }
        }
        agreement.assertAgreed();
        assertThat(agreement.compared(column)).as("rows compared").isGreaterThan(200);
    }
}
