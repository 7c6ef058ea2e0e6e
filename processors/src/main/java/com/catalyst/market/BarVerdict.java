package com.catalyst.market;

import java.util.Optional;

/**
 * The sanitizer's answer for one bar: the bar to use (absent when rejected) and the issue found, if any.
 */
public record BarVerdict(Optional<Bar> bar, Optional<BarIssue> issue) {

    static BarVerdict clean(Bar bar) {
        return new BarVerdict(Optional.of(bar), Optional.empty());
    }

    static BarVerdict repaired(Bar bar, BarIssue issue) {
        return new BarVerdict(Optional.of(bar), Optional.of(issue));
    }

    static BarVerdict rejected(BarIssue issue) {
        return new BarVerdict(Optional.empty(), Optional.of(issue));
    }

    public boolean accepted() {
        return bar.isPresent();
    }

    public boolean repaired() {
        return bar.isPresent() && issue.isPresent();
    }
}
