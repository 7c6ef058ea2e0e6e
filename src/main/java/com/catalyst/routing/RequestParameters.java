package com.catalyst.routing;

import java.util.Locale;
import java.util.regex.Pattern;

import com.catalyst.routing.ErrorBodies.FieldException;
import org.springframework.stereotype.Component;

/** Checks a REST call's query and path parameters; a bad one is a 400 that names it. */
@Component("requestParameters")
public class RequestParameters {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public int intInRange(String value, String name, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new FieldException(name, "'" + name + "' must be a whole number between " + min + " and " + max + ", got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new FieldException(name, "'" + name + "' must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    /** Upper-cases and checks a ticker: 1–10 characters, letters first, then letters, digits or dots. */
    public String symbol(String value) {
        String symbol = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new FieldException("symbol", "'symbol' must be a ticker of 1–10 letters, digits or dots starting with a letter, got '" + value + "'");
        }
        return symbol;
    }
}
