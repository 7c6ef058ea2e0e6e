package com.catalyst.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Groups closed trades by a key (symbol, pattern) into one Breakdown each, sorted by key. */
final class Breakdowns {

    private Breakdowns() {
    }

    static List<Breakdown> by(List<ClosedTrade> trades, Function<ClosedTrade, String> key) {
        Map<String, List<ClosedTrade>> groups = new TreeMap<>();
        for (ClosedTrade trade : trades) {
            groups.computeIfAbsent(key.apply(trade), k -> new ArrayList<>()).add(trade);
        }
        List<Breakdown> result = new ArrayList<>(groups.size());
        groups.forEach((name, group) -> result.add(of(name, group)));
        return result;
    }

    private static Breakdown of(String key, List<ClosedTrade> group) {
        int wins = (int) group.stream().filter(ClosedTrade::isWin).count();
        int losses = (int) group.stream().filter(ClosedTrade::isLoss).count();
        BigDecimal pnl = group.stream().map(ClosedTrade::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Breakdown(key, group.size(), wins, losses, pnl, (double) wins / group.size());
    }
}
