package com.catalyst.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Turns a cycle's summary and its day's figures from the record into the cycle's report (ReportRepository records it). */
@Component("reportDesk")
public class ReportDesk {

    private final ObjectMapper json;

    public ReportDesk(ObjectMapper json) {
        this.json = json;
    }

    /** The report of the cycle {@code summary} describes, its whole JSON {@code {"cycle": summary, "day": figures}}. */
    public CycleReport report(CycleSummary summary, DayFigures day) throws JsonProcessingException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cycle", summary);
        report.put("day", day);
        return CycleReport.of(summary, day, json.writeValueAsString(report));
    }
}
