package com.catalyst.reporting;

import java.time.LocalDate;
import java.util.List;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.reporting.chart.ReportCharts;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Hands the trades the reporting route read (ReportRepository) to the PerformanceCalculator and writes its report as JSON or HTML. */
@Component("performanceDesk")
public class PerformanceDesk {

    /** Trades and equity points a report lists; a day or a cycle stays under it, a year of trades does not. */
    static final int MAX_LISTED = 1000;

    /** Session charts a daily page draws at most: each is a ~30 kB PNG inline. */
    static final int MAX_CHARTS = 8;

    private final PerformanceCalculator calculator;
    private final ObjectMapper json;
    private final MarketDataPort market;
    private final TradingClock clock;

    public PerformanceDesk(CatalystProperties props, ObjectMapper json, MarketDataPort market, TradingClock clock) {
        this.market = market;
        this.clock = clock;
        // returns are measured against the paper account's starting cash: the capital the trader put at risk
        this.calculator = new PerformanceCalculator(props.broker().startingCash());
        // an undefined ratio is written as null, not left out: the client sees that it is undefined
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    public PerformanceReport report(String scope, LocalDate from, LocalDate to, List<ClosedTrade> closed, List<OpenPosition> open) {
        return calculator.calculate(scope, from, to, closed, open, MAX_LISTED);
    }

    public String json(PerformanceReport report) throws JsonProcessingException {
        return json.writeValueAsString(report);
    }

    /** The page; a one-day page also draws each traded symbol's session (the get_chart PNG, inline as a data URI). */
    public String html(PerformanceReport report) {
        return ReportPage.render(report, ReportCharts.of(report, market, clock.now(), MAX_CHARTS));
    }
}
