package com.catalyst.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.catalyst.routing.ErrorBodies.FieldException;
import org.springframework.stereotype.Component;

/** Checks a report's dates and cycle id from the request; a bad one is a 400 naming the field and the format. */
@Component("reportPeriods")
public class ReportPeriods {

    private static final Pattern CYCLE_ID = Pattern.compile("(\\d{8})-\\d{3,}");
    /** A period report reads at most this many days: enough for any review, small enough to answer quickly. */
    static final int MAX_DAYS = 366 * 2;

    public LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new FieldException(field, "'" + field + "' is required, as a date in the format YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "'" + field + "' must be a date in the format YYYY-MM-DD, got '" + value + "'");
        }
    }

    public LocalDate checkedTo(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new FieldException("to", "'to' (" + to + ") must not be before 'from' (" + from + ")");
        }
        if (to.isAfter(from.plusDays(MAX_DAYS))) {
            throw new FieldException("to", "a period covers at most " + MAX_DAYS + " days, got " + from + " to " + to);
        }
        return to;
    }

    public String cycleId(String value) {
        String id = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!CYCLE_ID.matcher(id).matches()) {
            throw new FieldException("cycleId", "'cycleId' must look like YYYYMMDD-NNN, got '" + value + "'");
        }
        return id;
    }

    /** The session a cycle ran in, from its id. */
    public LocalDate cycleDate(String cycleId) {
        var m = CYCLE_ID.matcher(cycleId);
        if (!m.matches()) {
            throw new FieldException("cycleId", "'cycleId' must look like YYYYMMDD-NNN, got '" + cycleId + "'");
        }
        String d = m.group(1);
        return date(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6), "cycleId");
    }

    /**
     * Whether the client prefers HTML: text/html is listed with a quality at least that of application/json (or
     * JSON is not listed at all). A browser sends text/html first; curl's {@code * / *} gets JSON.
     */
    public boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        double html = quality(accept, "text/html");
        return html > 0 && html >= quality(accept, "application/json");
    }

    private static double quality(String accept, String type) {
        double best = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            if (!pieces[0].trim().equalsIgnoreCase(type)) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            best = Math.max(best, q);
        }
        return best;
    }
}
