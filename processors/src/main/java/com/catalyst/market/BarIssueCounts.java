package com.catalyst.market;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counts of bars checked and of each issue found; one instance can be shared by the sanitizers of
 * every symbol and published as metrics by the application.
 */
public final class BarIssueCounts {

    private final LongAdder checked = new LongAdder();
    private final EnumMap<BarIssue, LongAdder> issues = new EnumMap<>(BarIssue.class);

    public BarIssueCounts() {
        for (BarIssue issue : BarIssue.values()) {
            issues.put(issue, new LongAdder());
        }
    }

    void recordChecked() {
        checked.increment();
    }

    public void record(BarIssue issue) {
        issues.get(issue).increment();
    }

    public long checked() {
        return checked.sum();
    }

    public long count(BarIssue issue) {
        return issues.get(issue).sum();
    }

    /** Every issue with its count (zeros included), as an immutable map in declaration order. */
    public Map<BarIssue, Long> snapshot() {
        EnumMap<BarIssue, Long> copy = new EnumMap<>(BarIssue.class);
        issues.forEach((issue, count) -> copy.put(issue, count.sum()));
        return Collections.unmodifiableMap(copy);
    }
}
