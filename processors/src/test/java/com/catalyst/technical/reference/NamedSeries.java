package com.catalyst.technical.reference;

import com.catalyst.market.Bar;

import java.util.List;

/** One symbol's bars from one file of data/, oldest first. */
public record NamedSeries(String name, List<Bar> bars) {

    public NamedSeries {
        bars = List.copyOf(bars);
    }

    @Override
    public String toString() {
        return name + " (" + bars.size() + " bars)";
    }
}
