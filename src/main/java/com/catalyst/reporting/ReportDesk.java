package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Turns a cycle's summary and the day's figures from the record into the cycle report and the day's performance row. */
@Component("reportDesk")
public class ReportDesk {

    private final ObjectMapper json;

    public ReportDesk(ObjectMapper json) {
        this.json = json;
    }

    public String dayPattern(CycleSummary summary) {
        return summary.sessionDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "-%";
    }

    public Map<String, Object> reportRow(CycleSummary summary, List<Map<String, Object>> dayRows) throws JsonProcessingException {
        Map<String, Object> day = dayRows.get(0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cycle", summary);
        report.put("day", day);
        Map<String, Object> row = new HashMap<>(day);
        row.put("cycle_id", summary.cycleId());
        row.put("status", summary.status());
        row.put("orders_placed", summary.placed());
        row.put("date", java.sql.Date.valueOf(summary.sessionDate()));
        row.put("report", json.writeValueAsString(report));
        row.putIfAbsent("realized_pnl", BigDecimal.ZERO);
        row.putIfAbsent("unrealized_pnl", BigDecimal.ZERO);
        return row;
    }
}
