package com.catalyst.gateway.routes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.gateway.tools.ToolFailure;

/** Shapes reporting and risk data for the model: totals over days, one day's report, limits beside their usage. */
public class ReportViews {

    public Map<String, Object> performance(Object days) {
        List<?> rows = days instanceof List<?> l ? l : List.of();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal commissions = BigDecimal.ZERO;
        long wins = 0;
        long losses = 0;
        long cycles = 0;
        for (Object r : rows) {
            Map<?, ?> row = (Map<?, ?>) r;
            realized = realized.add(decimal(row.get("realized_pnl")));
            commissions = commissions.add(decimal(row.get("commissions")));
            wins += number(row.get("wins"));
            losses += number(row.get("losses"));
            cycles += number(row.get("cycles"));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("sessions", rows.size());
        totals.put("cycles", cycles);
        totals.put("wins", wins);
        totals.put("losses", losses);
        totals.put("win_rate", wins + losses == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(wins + losses), 4, RoundingMode.HALF_UP));
        totals.put("realized_pnl", realized);
        totals.put("commissions", commissions);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", rows);
        out.put("totals", totals);
        return out;
    }

    /** The report of {@code date}, or of the latest session when date is null. */
    public Map<String, Object> riskMetrics(Map<String, Object> limits, Object account, Object positions, Object today) {
        List<?> open = positions instanceof List<?> l ? l : List.of();
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Object r : open) {
            Map<?, ?> row = (Map<?, ?>) r;
            exposure = exposure.add(decimal(row.get("quantity")).multiply(decimal(row.get("entry_price"))));
            unrealized = unrealized.add(decimal(row.get("unrealized_pnl")));
        }
        BigDecimal equity = account instanceof Map<?, ?> a ? decimal(a.get("equity")) : BigDecimal.ZERO;
        BigDecimal realizedToday = today instanceof List<?> days && !days.isEmpty() ? decimal(((Map<?, ?>) days.get(0)).get("realized_pnl")) : BigDecimal.ZERO;
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("open_positions", open.size());
        usage.put("open_positions_limit", limits.get("max_open_positions"));
        usage.put("gross_exposure", exposure.setScale(2, RoundingMode.HALF_UP));
        usage.put("exposure_share_of_equity", equity.signum() == 0 ? null : exposure.divide(equity, 4, RoundingMode.HALF_UP));
        usage.put("unrealized_pnl", unrealized);
        usage.put("realized_pnl_latest_session", realizedToday);
        usage.put("daily_loss_limit", limits.get("max_daily_loss"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("limits", limits);
        out.put("account", account == null ? Map.of() : account);
        out.put("usage", usage);
        return out;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
