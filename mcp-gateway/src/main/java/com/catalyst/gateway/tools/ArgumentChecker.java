package com.catalyst.gateway.tools;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks a tool call's arguments against its {@link ToolArgument}s and returns them typed, with defaults filled in. */
public final class ArgumentChecker {

    private ArgumentChecker() {
    }

    public static Map<String, Object> check(String tool, List<ToolArgument> declared, Map<String, Object> given) {
        Map<String, Object> args = given == null ? Map.of() : given;
        Map<String, ToolArgument> byName = declared.stream().collect(Collectors.toMap(ToolArgument::name, a -> a, (a, b) -> a, LinkedHashMap::new));
        for (String name : args.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ToolArgumentException("Unknown argument '" + name + "' for " + tool + "; "
                        + (byName.isEmpty() ? "this tool takes no arguments" : "allowed arguments: " + String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ToolArgument arg : declared) {
            Object value = args.get(arg.name());
            if (value == null) {
                if (arg.required()) {
                    throw new ToolArgumentException("Missing required argument '" + arg.name() + "': " + arg.description());
                }
                if (arg.defaultValue() != null) {
                    checked.put(arg.name(), arg.defaultValue());
                }
                continue;
            }
            checked.put(arg.name(), convert(arg, value));
        }
        return checked;
    }

    private static Object convert(ToolArgument arg, Object value) {
        String name = arg.name();
        return switch (arg.kind()) {
            case SYMBOL -> {
                String symbol = text(name, value).trim().toUpperCase(Locale.ROOT);
                if (!symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
                    throw new ToolArgumentException("'" + name + "' must be a ticker of 1–10 letters, digits or dots starting with a letter (e.g. AAPL), got '"
                            + clip(value) + "'");
                }
                yield symbol;
            }
            case STRING -> {
                String s = text(name, value).trim();
                if (s.isEmpty() || s.length() > 500) {
                    throw new ToolArgumentException("'" + name + "' must be 1–500 characters");
                }
                yield s;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text(name, value).trim());
                } catch (DateTimeParseException e) {
                    throw new ToolArgumentException("'" + name + "' must be a date as YYYY-MM-DD, got '" + clip(value) + "'");
                }
            }
            case ENUM -> {
                String s = text(name, value).trim().toLowerCase(Locale.ROOT);
                if (!arg.allowed().contains(s)) {
                    throw new ToolArgumentException("'" + name + "' must be one of " + arg.allowed() + ", got '" + clip(value) + "'");
                }
                yield s;
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean b)) {
                    throw new ToolArgumentException("'" + name + "' must be true or false, got " + clip(value));
                }
                yield b;
            }
            case INTEGER -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
                    throw new ToolArgumentException("'" + name + "' must be a whole number between " + arg.min() + " and " + arg.max() + ", got " + clip(value));
                }
                long v = n.longValue();
                if (v < arg.min().longValue() || v > arg.max().longValue()) {
                    throw new ToolArgumentException("'" + name + "' must be between " + arg.min() + " and " + arg.max() + ", got " + v);
                }
                yield (int) v;
            }
            case NUMBER -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new ToolArgumentException("'" + name + "' must be a number between " + arg.min() + " and " + arg.max() + ", got " + clip(value));
                }
                double v = n.doubleValue();
                if (v < arg.min().doubleValue() || v > arg.max().doubleValue()) {
                    throw new ToolArgumentException("'" + name + "' must be between " + arg.min() + " and " + arg.max() + ", got " + v);
                }
                yield v;
            }
        };
    }

    private static String text(String name, Object value) {
        if (!(value instanceof String s)) {
            throw new ToolArgumentException("'" + name + "' must be a string, got " + clip(value));
        }
        return s;
    }

    /** Echo at most a short, single-line piece of what the caller sent. */
    private static String clip(Object value) {
        String s = String.valueOf(value).replaceAll("[\\r\\n\\t]", " ");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
