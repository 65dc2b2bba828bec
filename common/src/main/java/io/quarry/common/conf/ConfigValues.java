package io.quarry.common.conf;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses configuration text into typed values, with errors that name the key and the value. */
public final class ConfigValues {
    private ConfigValues() {
    }

    static Object parse(String key, ConfigType type, String text, ChronoUnit bareUnit) {
        String value = text.trim();
        switch (type) {
            case STRING:
                return text;
            case INT:
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw invalid(key, text, "an integer");
                }
            case LONG:
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw invalid(key, text, "an integer");
                }
            case DOUBLE:
                try {
                    return Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw invalid(key, text, "a number");
                }
            case BOOLEAN:
                if (value.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (value.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw invalid(key, text, "true or false");
            case SIZE:
                return parseSize(key, value);
            case DURATION:
                return parseDuration(key, value, bareUnit);
            case LIST:
                return parseList(value);
            default:
                throw new AssertionError(type);
        }
    }

    /** Parses a byte count such as {@code 128m} (binary units: k, m, g, t; a trailing b is allowed: {@code 512b}, {@code 64kb}). */
    public static long parseSize(String key, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("b") && value.length() > 1) {
            value = value.substring(0, value.length() - 1);
        }
        long multiplier = 1;
        if (!value.isEmpty()) {
            switch (value.charAt(value.length() - 1)) {
                case 'k': multiplier = 1L << 10; break;
                case 'm': multiplier = 1L << 20; break;
                case 'g': multiplier = 1L << 30; break;
                case 't': multiplier = 1L << 40; break;
                default: multiplier = 1;
            }
            if (multiplier != 1) {
                value = value.substring(0, value.length() - 1);
            }
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw invalid(key, text, "a non-negative size such as 512, 64k, 128m or 1g");
            }
            return Math.multiplyExact(number, multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(key, text, "a size such as 512, 64k, 128m or 1g");
        }
    }

    /** Parses a duration such as {@code 500ms}, {@code 3s}, {@code 10m}, {@code 1h}, {@code 2d}. */
    public static Duration parseDuration(String key, String text, ChronoUnit bareUnit) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < value.length() && (Character.isDigit(value.charAt(split)) || value.charAt(split) == '-')) {
            split++;
        }
        String number = value.substring(0, split);
        String unit = value.substring(split).trim();
        long amount;
        try {
            amount = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw invalid(key, text, "a duration such as 500ms, 3s, 10m or 1h");
        }
        if (amount < 0) {
            throw invalid(key, text, "a non-negative duration");
        }
        try {
            switch (unit) {
                case "": return Duration.of(amount, bareUnit);
                case "ms": return Duration.ofMillis(amount);
                case "s": return Duration.ofSeconds(amount);
                case "m": case "min": return Duration.ofMinutes(amount);
                case "h": return Duration.ofHours(amount);
                case "d": return Duration.ofDays(amount);
                default: throw invalid(key, text, "a duration with unit ms, s, m, h or d");
            }
        } catch (ArithmeticException e) {
            throw invalid(key, text, "a duration that fits in a Java Duration");
        }
    }

    private static List<String> parseList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    private static ConfigException invalid(String key, String text, String expected) {
        return new ConfigException("Invalid value '" + text + "' for configuration key '" + key + "': expected " + expected);
    }
}
