package dev.weft.internal;

/**
 * Reads the site string the weaver gives each woven method ({@link MethodInfo#site()}):
 * {@code Class.method(File.java:line)}, then {@code #} and the comma-separated source line of
 * each resume point ({@code C.m(C.java:10)#12,15}). Task dumps and asynchronous stack traces turn
 * it into {@link StackTraceElement}s; nothing on a hot path parses it.
 *
 * <p>Stateless; any thread.
 */
final class SiteString {
    private SiteString() {
    }

    /** {@code site} without its resume-point lines: {@code Class.method(File.java:line)}. */
    static String method(String site) {
        int lines = site.indexOf('#');
        return lines < 0 ? site : site.substring(0, lines);
    }

    /** The method's site as a stack trace element: the line of its first statement. */
    static StackTraceElement start(String fullSite) {
        String site = method(fullSite);
        int open = site.indexOf('(');
        int dot = open < 0 ? -1 : site.lastIndexOf('.', open);
        if (dot < 0) {
            return new StackTraceElement(site, "?", null, -1);
        }
        String where = site.substring(open + 1, Math.max(open + 1, site.indexOf(')', open)));
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? where : where.substring(0, colon);
        int line = colon < 0 ? -1 : Integer.parseInt(where.substring(colon + 1));
        return new StackTraceElement(site.substring(0, dot), site.substring(dot + 1, open),
                file.isEmpty() || file.equals("Unknown Source") ? null : file, line);
    }

    /**
     * The stack trace element of resume point {@code point} (1-based), or null when the site
     * names no such point (0 is the method's start, which has no await).
     */
    static StackTraceElement resumePoint(String site, int point) {
        int hash = site.indexOf('#');
        int open = site.indexOf('(');
        int dot = site.lastIndexOf('.', open);
        if (hash < 0 || open < 0 || dot < 0 || point <= 0) {
            return null;
        }
        String[] lines = site.substring(hash + 1).split(",");
        if (point > lines.length) {
            return null;
        }
        String where = site.substring(open + 1, site.indexOf(')', open));
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? where : where.substring(0, colon);
        return new StackTraceElement(site.substring(0, dot), site.substring(dot + 1, open),
                file.equals("Unknown Source") ? null : file, lineOrUnknown(lines[point - 1]));
    }

    /** A resume point's line; the weaver writes 0 when the class has no line numbers. */
    private static int lineOrUnknown(String line) {
        int n = Integer.parseInt(line);
        return n > 0 ? n : -1;
    }
}
