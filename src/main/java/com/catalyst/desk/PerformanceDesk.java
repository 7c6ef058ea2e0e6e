package com.catalyst.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.catalyst.config.CatalystProperties;
import com.catalyst.reporting.PerformanceCalculator;
import com.catalyst.reporting.PerformanceReport;
import com.catalyst.reporting.ReportPage;
import com.catalyst.reporting.TradeRows;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Hands the rows the reporting route read to the PerformanceCalculator and writes its report as JSON or HTML. */
@Component("performanceDesk")
public class PerformanceDesk {

    /** Trades and equity points a report lists; a day or a cycle stays under it, a year of trades does not. */
    static final int MAX_LISTED = 1000;

    private final PerformanceCalculator calculator;
    private final ObjectMapper json;

    public PerformanceDesk(CatalystProperties props, ObjectMapper json) {
        // returns are measured against the paper account's starting cash: the capital the trader put at risk
        this.calculator = new PerformanceCalculator(props.broker().startingCash());
        // an undefined ratio is written as null, not left out: the client sees that it is undefined
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    public PerformanceReport report(String scope, LocalDate from, LocalDate to,
                                    List<Map<String, Object>> closedRows, List<Map<String, Object>> openRows) {
        return calculator.calculate(scope, from, to, TradeRows.closedTrades(closedRows), TradeRows.openPositions(openRows), MAX_LISTED);
    }

    public String json(PerformanceReport report) throws JsonProcessingException {
        return json.writeValueAsString(report);
    }

    public String html(PerformanceReport report) {
        return ReportPage.render(report);
    }
}
