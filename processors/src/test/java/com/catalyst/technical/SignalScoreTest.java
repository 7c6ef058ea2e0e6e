package com.catalyst.technical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignalScoreTest {

    /** Inputs on which every rule is neutral: close on the SMA, RSI and %K mid-range, MACD on its signal. */
    private static SignalInputs neutral() {
        return new SignalInputs(100, 50, 0.5, 0.5, 95, 105, 100, 50, 1.0);
    }

    @Test
    void neutralInputsScoreFiftyAndHold() {
        assertThat(SignalScore.of(neutral())).isEqualTo(new SignalScore(50, Signal.HOLD));
    }

    @Test
    void eachRuleMovesTheScoreByItsWeight() {
        SignalInputs n = neutral();
        assertThat(score(new SignalInputs(100, 29.9, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(70);
        assertThat(score(new SignalInputs(100, 70.1, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(30);
        assertThat(score(new SignalInputs(100, 50, 0.6, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(65);
        assertThat(score(new SignalInputs(100, 50, 0.4, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(35);
        // below the lower band is also below the SMA: +15 - 10
        assertThat(score(new SignalInputs(94, 50, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(55);
        assertThat(score(new SignalInputs(106, 50, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(45);
        assertThat(score(new SignalInputs(101, 50, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(60);
        assertThat(score(new SignalInputs(99, 50, 0.5, 0.5, 95, 105, 100, 50, 1.0))).isEqualTo(40);
        assertThat(score(new SignalInputs(100, 50, 0.5, 0.5, 95, 105, 100, 19, 1.0))).isEqualTo(60);
        assertThat(score(new SignalInputs(100, 50, 0.5, 0.5, 95, 105, 100, 81, 1.0))).isEqualTo(40);
        assertThat(score(new SignalInputs(100, 50, 0.5, 0.5, 95, 105, 100, 50, 1.6))).isEqualTo(55);
        assertThat(score(n)).isEqualTo(50);
    }

    @Test
    void thresholdsAreStrict() {
        assertThat(score(new SignalInputs(100, 30, 0.5, 0.5, 95, 105, 100, 20, 1.5))).isEqualTo(50);
        assertThat(score(new SignalInputs(100, 70, 0.5, 0.5, 95, 105, 100, 80, 1.5))).isEqualTo(50);
        assertThat(score(new SignalInputs(95, 50, 0.5, 0.5, 95, 105, 95, 50, 1.0))).isEqualTo(50);
    }

    @Test
    void allBullishRulesClampAtHundredAndBuy() {
        // RSI +20, MACD +15, below lower band +15, %K +10, volume +5; below the SMA -10: 50 + 55 = 105
        SignalScore score = SignalScore.of(new SignalInputs(90, 20, 1, 0, 95, 105, 100, 10, 3));
        assertThat(score).isEqualTo(new SignalScore(100, Signal.BUY));
    }

    @Test
    void allBearishRulesClampAtZeroAndSell() {
        SignalScore score = SignalScore.of(new SignalInputs(110, 80, 0, 1, 95, 105, 100, 90, 1));
        assertThat(score).isEqualTo(new SignalScore(0, Signal.SELL));
    }

    @Test
    void signalBoundariesAreInclusive() {
        assertThat(SignalScore.signalFor(70)).isEqualTo(Signal.BUY);
        assertThat(SignalScore.signalFor(69.9)).isEqualTo(Signal.HOLD);
        assertThat(SignalScore.signalFor(30)).isEqualTo(Signal.SELL);
        assertThat(SignalScore.signalFor(30.1)).isEqualTo(Signal.HOLD);
    }

    @Test
    void aNanInputAddsNothing() {
        assertThat(score(new SignalInputs(100, 20, 0.5, 0.5, 95, 105, 100, Double.NaN, Double.NaN))).isEqualTo(70);
    }

    private static double score(SignalInputs inputs) {
        return SignalScore.of(inputs).value();
    }
}
