package com.catalyst.gateway.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument of a tool: its JSON type, limits and default. The same description builds the JSON Schema the model
 * sees and the check the gateway runs, so that the two can never disagree.
 */
public record ToolArgument(String name, Kind kind, String description, boolean required, Object defaultValue,
                           Number min, Number max, List<String> allowed) {

    public enum Kind { STRING, SYMBOL, DATE, INTEGER, NUMBER, BOOLEAN, ENUM }

    public static ToolArgument symbol(String description) {
        return new ToolArgument("symbol", Kind.SYMBOL, description, true, null, null, null, null);
    }

    public static ToolArgument integer(String name, String description, int defaultValue, int min, int max) {
        return new ToolArgument(name, Kind.INTEGER, description, false, defaultValue, min, max, null);
    }

    public static ToolArgument number(String name, String description, boolean required, Double defaultValue, double min, double max) {
        return new ToolArgument(name, Kind.NUMBER, description, required, defaultValue, min, max, null);
    }

    /** A risk limit as an optional argument, its range, unit and meaning taken from the one table of them. */
    public static ToolArgument riskLimit(com.catalyst.risk.RiskLimit limit) {
        String description = Character.toUpperCase(limit.description().charAt(0)) + limit.description().substring(1)
                + " (" + limit.range() + "; " + limit.unit() + ").";
        return limit.whole()
                ? new ToolArgument(limit.key(), Kind.INTEGER, description, false, null, limit.min().intValueExact(), limit.max().intValueExact(), null)
                : new ToolArgument(limit.key(), Kind.NUMBER, description, false, null, limit.min().doubleValue(), limit.max().doubleValue(), null);
    }

    public static ToolArgument flag(String name, String description, boolean defaultValue) {
        return new ToolArgument(name, Kind.BOOLEAN, description, false, defaultValue, null, null, null);
    }

    public static ToolArgument oneOf(String name, String description, String defaultValue, String... allowed) {
        return new ToolArgument(name, Kind.ENUM, description, defaultValue == null, defaultValue, null, null, List.of(allowed));
    }

    public static ToolArgument text(String name, String description, boolean required, String defaultValue) {
        return new ToolArgument(name, Kind.STRING, description, required, defaultValue, null, 1, null);
    }

    public static ToolArgument date(String name, String description) {
        return new ToolArgument(name, Kind.DATE, description, false, null, null, null, null);
    }

    /** This argument as a JSON Schema property. */
    Map<String, Object> schema() {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (kind) {
            case STRING -> {
                s.put("type", "string");
                s.put("minLength", 1);
                s.put("maxLength", 500);
            }
            case SYMBOL -> {
                s.put("type", "string");
                s.put("pattern", "^[A-Za-z][A-Za-z0-9.]{0,9}$");
            }
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
            }
            case INTEGER -> s.put("type", "integer");
            case NUMBER -> s.put("type", "number");
            case BOOLEAN -> s.put("type", "boolean");
            case ENUM -> {
                s.put("type", "string");
                s.put("enum", allowed);
            }
        }
        if (min != null) {
            s.put("minimum", min);
        }
        if (max != null && kind != Kind.STRING) {
            s.put("maximum", max);
        }
        if (defaultValue != null) {
            s.put("default", defaultValue);
        }
        s.put("description", description);
        return s;
    }
}
