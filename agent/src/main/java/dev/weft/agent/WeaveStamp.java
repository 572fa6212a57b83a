package dev.weft.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last weave of one classes directory saw, so that an incremental build does not read
 * class files again that have not changed since: for each class file its size and modification
 * time after the weave, and the messages the weave gave for it (re-reported while the file is
 * unchanged, so a build that failed keeps failing until the code is fixed).
 *
 * <p>A file whose size or time differs (recompiled, replaced, restored) is read again; a stamp
 * that is missing, unreadable or written for another directory counts as empty, so the worst a
 * bad stamp costs is a full re-read — already-woven classes are still recognised by the weaver's
 * marker and left alone.
 *
 * <p>File format (UTF-8 lines): a header naming the directory; then per class file
 * {@code F<tab>size<tab>mtime-millis<tab>relative/path.class}, followed by one
 * {@code E<tab>message} line per message for that file.
 *
 * <p>Not thread-safe: one weave of one directory uses it.
 */
public final class WeaveStamp {
    private static final String HEADER = "# weft weave stamp v1: ";

    /** What the stamp holds for one class file. */
    record Entry(long size, long modified, List<String> messages) {
    }

    private final Path file;
    private final String directory;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new LinkedHashMap<>();

    private WeaveStamp(Path file, String directory, Map<String, Entry> previous) {
        this.file = file;
        this.directory = directory;
        this.previous = previous;
    }

    /** A stamp that remembers nothing and is never saved: every class file is read. */
    public static WeaveStamp none() {
        return new WeaveStamp(null, "", Map.of());
    }

    /** Loads the stamp for {@code dir} from {@code file} (empty if missing, unreadable or another directory's). */
    public static WeaveStamp load(Path file, Path dir) {
        String directory = dir.toAbsolutePath().normalize().toString();
        Map<String, Entry> previous = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                parse(Files.readAllLines(file, StandardCharsets.UTF_8), directory, previous);
            }
        } catch (IOException | RuntimeException unreadable) {
            previous.clear(); // a damaged stamp only costs a full re-read
        }
        return new WeaveStamp(file, directory, previous);
    }

    private static void parse(List<String> lines, String directory, Map<String, Entry> into) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + directory)) {
            return;
        }
        String path = null;
        Entry entry = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 4);
            if (f[0].equals("F") && f.length == 4) {
                path = f[3];
                entry = new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), new ArrayList<>());
                into.put(path, entry);
            } else if (f[0].equals("E") && entry != null) {
                entry.messages().add(line.substring(2));
            } else {
                throw new IllegalArgumentException("bad stamp line: " + line);
            }
        }
    }

    /** The messages of the last weave of {@code path} if the file is unchanged since, else null. */
    List<String> unchanged(String path, long size, long modified) {
        Entry e = previous.get(path);
        if (e == null || e.size() != size || e.modified() != modified) {
            return null;
        }
        current.put(path, e);
        return e.messages();
    }

    /** Records the state of {@code path} after this weave, and the messages it gave. */
    void record(String path, long size, long modified, List<String> messages) {
        current.put(path, new Entry(size, modified, List.copyOf(messages)));
    }

    /** Writes what this weave recorded (files no longer present are forgotten). */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + directory);
        current.forEach((path, e) -> {
            lines.add("F\t" + e.size() + "\t" + e.modified() + "\t" + path);
            e.messages().forEach(m -> lines.add("E\t" + m.replace('\n', ' ').replace('\r', ' ')));
        });
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
