package dev.weft.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * What a weave of one or more class directories did: how many class files it found, read and
 * wove, and every message it gave (weave errors naming {@code Class.method(File.java:line)},
 * unreadable class files naming the file).
 *
 * @param files class files found
 * @param scanned class files read this time (the others were unchanged since the last weave)
 * @param woven binary names of the classes woven and written back, in the order met
 * @param errors one line per problem; empty when everything was woven or needed nothing
 */
public record WeaveSummary(int files, int scanned, List<String> woven, List<String> errors) {

    /** Copies the lists, so a summary never changes once made. */
    public WeaveSummary {
        woven = List.copyOf(woven);
        errors = List.copyOf(errors);
    }

    /** A summary of nothing. */
    public static WeaveSummary empty() {
        return new WeaveSummary(0, 0, List.of(), List.of());
    }

    /** The sum of this and {@code other}, as of one weave over both their directories. */
    public WeaveSummary plus(WeaveSummary other) {
        List<String> w = new ArrayList<>(woven);
        w.addAll(other.woven);
        List<String> e = new ArrayList<>(errors);
        e.addAll(other.errors);
        return new WeaveSummary(files + other.files, scanned + other.scanned, w, e);
    }

    /** Whether nothing went wrong. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** The one-line report for a log, e.g. {@code weft: 12 classes scanned, 3 woven, 0 errors in 41 ms}. */
    public String line(long millis) {
        int unchanged = files - scanned;
        return "weft: " + scanned + (scanned == 1 ? " class" : " classes") + " scanned, " + woven.size()
                + " woven, " + errors.size() + (errors.size() == 1 ? " error" : " errors") + " in " + millis + " ms"
                + (unchanged == 0 ? "" : " (" + unchanged + " unchanged since the last weave, not read)");
    }
}
