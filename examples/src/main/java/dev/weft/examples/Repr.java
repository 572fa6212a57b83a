package dev.weft.examples;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code repr()} for the few kinds of value the examples print, so that their output
 * equals the seed programs' character for character ({@code 'result'}, {@code ('a', 'b')},
 * {@code 2920.097638474}).
 *
 * <p>Stateless; callable from any thread. {@code null} is printed as Python's {@code None}.
 */
public final class Repr {
    private Repr() {
    }

    /**
     * Formats {@code value} as Python's {@code repr()} would format the matching Python value: a
     * {@link String} as a quoted {@code str}, a {@link Boolean} as {@code True}/{@code False}, a
     * {@link Double} or {@link Float} as by {@link #ofFloat(double)}, {@code null} as
     * {@code None}; anything else (a {@code Task}, say) by its {@code toString()}, which for weft's
     * own types already follows asyncio.
     */
    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String) {
            return ofString((String) value);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return ofFloat(((Number) value).doubleValue());
        }
        return value.toString();
    }

    /**
     * Formats {@code items} as a Python tuple: {@code ('a', 'b')}, {@code ('a',)}, {@code ()}.
     * The examples return an immutable {@link List} where the Python program returns a tuple.
     */
    static String tuple(List<?> items) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(of(items.get(i)));
        }
        return s.append(items.size() == 1 ? ",)" : ")").toString();
    }

    /** Formats {@code items} as a Python list: {@code ['a', 'b']}. */
    public static String list(List<?> items) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            s.append(i > 0 ? ", " : "").append(of(items.get(i)));
        }
        return s.append(']').toString();
    }

    /** Formats {@code entries} as a Python dict in their iteration order: {@code {'a': 1}}. */
    static String dict(java.util.Map<?, ?> entries) {
        StringBuilder s = new StringBuilder("{");
        entries.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(of(k)).append(": ").append(of(v)));
        return s.append('}').toString();
    }

    /**
     * Formats {@code s} as a Python {@code str} literal: single quotes unless {@code s} holds a
     * single quote and no double quote, with backslashes, the chosen quote, tab, newline, carriage
     * return and other control characters escaped as Python escapes them.
     */
    static String ofString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }

    /**
     * Formats {@code x} as Python's {@code repr(float)}: positional notation with at least one
     * fractional digit ({@code 1795337977.5707679}, {@code 100.0}) while the decimal exponent is in
     * [-4, 16), scientific notation otherwise ({@code 1e-05}, {@code 1.5e+16}). Java's
     * {@code Double.toString} would print {@code 1.7953379775707679E9} instead.
     *
     * <p>The digits are those of {@code Double.toString}: the shortest that round-trip on JDK 19
     * and later, as Python's; JDK 17 occasionally adds one more digit.
     */
    static String ofFloat(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder(x < 0 ? "-" : "").append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        return s.append(exponent < 0 ? "e-" : "e+")
                .append(String.format(Locale.ROOT, "%02d", Math.abs(exponent)))
                .toString();
    }
}
