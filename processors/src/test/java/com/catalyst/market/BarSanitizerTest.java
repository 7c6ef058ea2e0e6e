package com.catalyst.market;

import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.NamedSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BarSanitizerTest {

    private static final Instant T0 = Instant.parse("2011-03-09T14:31:00Z");

    private final BarIssueCounts counts = new BarIssueCounts();
    private final BarSanitizer sanitizer = new BarSanitizer(counts);

    private static Bar bar(long minute, double open, double high, double low, double close, long volume) {
        return new Bar(T0.plusSeconds(60 * minute), open, high, low, close, volume);
    }

    private static Bar good(long minute) {
        return bar(minute, 132.30, 132.40, 132.20, 132.35, 1_000);
    }

    @Test
    void acceptsACleanBarUnchanged() {
        Bar bar = good(0);
        BarVerdict verdict = sanitizer.check(bar);
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.repaired()).isFalse();
        assertThat(verdict.bar()).containsSame(bar);
        assertThat(verdict.issue()).isEmpty();
        assertThat(counts.checked()).isEqualTo(1);
        assertThat(counts.snapshot().values()).allMatch(count -> count == 0);
    }

    @Test
    void rejectsAMissingBarOrTime() {
        assertRejected(null, BarIssue.MISSING_TIME);
        assertRejected(new Bar(null, 1, 1, 1, 1, 1), BarIssue.MISSING_TIME);
    }

    @Test
    void rejectsNanAndInfinitePrices() {
        assertRejected(bar(0, Double.NaN, 2, 1, 1.5, 10), BarIssue.NON_FINITE_PRICE);
        assertRejected(bar(0, 1.5, Double.POSITIVE_INFINITY, 1, 1.5, 10), BarIssue.NON_FINITE_PRICE);
        assertRejected(bar(0, 1.5, 2, Double.NaN, 1.5, 10), BarIssue.NON_FINITE_PRICE);
        assertRejected(bar(0, 1.5, 2, 1, Double.NaN, 10), BarIssue.NON_FINITE_PRICE);
        assertThat(counts.count(BarIssue.NON_FINITE_PRICE)).isEqualTo(4);
    }

    @Test
    void rejectsZeroAndNegativePrices() {
        assertRejected(bar(0, 0, 2, 1, 1.5, 10), BarIssue.NON_POSITIVE_PRICE);
        assertRejected(bar(0, 1.5, 2, -1, 1.5, 10), BarIssue.NON_POSITIVE_PRICE);
        assertRejected(bar(0, 1.5, 2, 1, 0, 10), BarIssue.NON_POSITIVE_PRICE);
    }

    @Test
    void rejectsHighBelowLow() {
        assertRejected(bar(0, 1.5, 1, 2, 1.5, 10), BarIssue.HIGH_BELOW_LOW);
    }

    @Test
    void rejectsNegativeAndZeroVolume() {
        assertRejected(bar(0, 1.5, 2, 1, 1.5, -5), BarIssue.NEGATIVE_VOLUME);
        assertRejected(bar(0, 1.5, 2, 1, 1.5, 0), BarIssue.ZERO_VOLUME);
    }

    @Test
    void rejectsADuplicateTimeAndKeepsTheFirstBar() {
        assertThat(sanitizer.check(good(0)).accepted()).isTrue();
        assertRejected(bar(0, 140, 141, 139, 140, 5), BarIssue.DUPLICATE_TIME);
        assertThat(sanitizer.check(good(1)).accepted()).isTrue();
    }

    @Test
    void rejectsABarOlderThanTheLastAcceptedOne() {
        sanitizer.check(good(5));
        assertRejected(good(4), BarIssue.OUT_OF_ORDER);
        // a rejected bar does not move the reference: minute 6 is still in order
        assertThat(sanitizer.check(good(6)).accepted()).isTrue();
    }

    @Test
    void rejectedBarsDoNotBecomeTheTimeReference() {
        assertRejected(bar(9, 0, 1, 1, 1, 1), BarIssue.NON_POSITIVE_PRICE);
        assertThat(sanitizer.check(good(3)).accepted()).isTrue();
    }

    @Test
    void repairsOpenOrCloseOutsideTheRangeByWideningIt() {
        BarVerdict aboveHigh = sanitizer.check(bar(0, 10.5, 10.4, 10.0, 10.2, 10));
        assertThat(aboveHigh.repaired()).isTrue();
        assertThat(aboveHigh.issue()).contains(BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE);
        assertThat(aboveHigh.bar()).contains(bar(0, 10.5, 10.5, 10.0, 10.2, 10));

        BarVerdict belowLow = sanitizer.check(bar(1, 10.1, 10.4, 10.0, 9.8, 10));
        assertThat(belowLow.bar()).contains(bar(1, 10.1, 10.4, 9.8, 9.8, 10));
        assertThat(counts.count(BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE)).isEqualTo(2);
    }

    @Test
    void countsEveryReasonSeparatelyAndSharesCountsAcrossSymbols() {
        BarSanitizer other = new BarSanitizer(counts);
        sanitizer.check(good(0));
        other.check(good(0));
        sanitizer.check(good(0));
        other.check(bar(1, 1, 2, 1, 1.5, 0));
        assertThat(counts.checked()).isEqualTo(4);
        assertThat(counts.snapshot())
                .containsEntry(BarIssue.DUPLICATE_TIME, 1L)
                .containsEntry(BarIssue.ZERO_VOLUME, 1L)
                .containsEntry(BarIssue.OUT_OF_ORDER, 0L)
                .hasSize(BarIssue.values().length);
    }

    @Test
    void everyRejectionRuleRejectsAndTheRangeRuleRepairs() {
        for (BarIssue issue : BarIssue.values()) {
            BarIssue.Action expected = issue == BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE
                    ? BarIssue.Action.REPAIR : BarIssue.Action.REJECT;
            assertThat(issue.action()).as(issue.name()).isEqualTo(expected);
        }
    }

    @Test
    void theRealMinuteFilesPassUntouched() {
        // data/README.md: no duplicates, disorder, zero volumes or OHLC errors in the SPY minute files
        for (NamedSeries series : DataSetSeries.pyalgotradeMinutes()) {
            BarSanitizer fresh = new BarSanitizer();
            assertThat(series.bars()).allMatch(bar -> fresh.check(bar).bar().filter(bar::equals).isPresent());
        }
    }

    private void assertRejected(Bar bar, BarIssue issue) {
        long before = counts.count(issue);
        BarVerdict verdict = sanitizer.check(bar);
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.bar()).isEmpty();
        assertThat(verdict.issue()).contains(issue);
        assertThat(counts.count(issue)).isEqualTo(before + 1);
    }
}
