package com.catalyst.technical.reference;

import com.catalyst.market.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

import java.time.ZoneOffset;
import java.util.List;

/** Our bars as a ta4j 0.17 series with DoubleNum, the reference the indicators are compared with. */
public final class Ta4jSeries {

    private Ta4jSeries() {
    }

    public static BarSeries of(String name, List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
        for (Bar bar : bars) {
            series.addBar(bar.time().atZone(ZoneOffset.UTC), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        }
        return series;
    }
}
