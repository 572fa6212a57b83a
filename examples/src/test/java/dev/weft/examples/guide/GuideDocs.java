package dev.weft.examples.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages of the user's guide and the marked fenced blocks in them: the harness the guide tests
 * share.
 *
 * <p>A block is marked by an HTML comment on the line before its opening fence, which Markdown
 * renders as nothing: {@code <!-- snippet: PATH -->} (the block is copied from the file
 * {@code PATH}, relative to the repository root) or {@code <!-- output: CLASS -->} (the block is
 * what {@code CLASS.main} prints with no arguments; {@code CLASS#METHOD}: what the static method
 * {@code METHOD()} prints).
 *
 * <p>Threading: stateless. Null policy: no argument may be null.
 */
final class GuideDocs {
    /** The repository root: the tests run in the examples module's directory. */
    static final Path ROOT = Path.of("..");
    private static final Pattern MARKER = Pattern.compile("<!-- (snippet|output): (\\S+) -->");

    /**
     * One marked block.
     *
     * @param page the page it is on, relative to the root
     * @param line the 1-based line of its marker
     * @param kind {@code snippet} or {@code output}
     * @param target the file path or class name the marker names
     * @param lines the block's lines, without the fences
     */
    record Block(String page, int line, String kind, String target, List<String> lines) {
        /** Where it is, as a reader finds it: {@code README.md:12}. */
        String where() {
            return page + ":" + line;
        }
    }

    private GuideDocs() {
    }

    /** {@code README.md} and every {@code docs/*.md}, relative to the root. */
    static List<String> pages() {
        List<String> pages = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted()
                    .forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The lines of {@code page} (relative to the root). */
    static List<String> read(String page) {
        try {
            return Files.readAllLines(ROOT.resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every marked block of every page, in page order. */
    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (String page : pages()) {
            List<String> lines = read(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i).strip());
                if (m.matches()) {
                    blocks.add(new Block(page, i + 1, m.group(1), m.group(2), fenced(page, lines, i + 1)));
                }
            }
        }
        return blocks;
    }

    /** The lines of the fenced block that opens at {@code lines[open]}. */
    private static List<String> fenced(String page, List<String> lines, int open) {
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
            throw new AssertionError(page + ":" + open + ": a marker must be followed by a ``` block");
        }
        List<String> block = new ArrayList<>();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return block;
            }
            block.add(lines.get(i));
        }
        throw new AssertionError(page + ":" + (open + 1) + ": the block is not closed");
    }

    /**
     * Where {@code block} occurs in {@code file} as a run of consecutive lines with the same text
     * and the same relative indentation (the block may be indented less than the file), or -1.
     * Trailing white space is ignored.
     */
    static int indexOf(List<String> file, List<String> block) {
        for (int start = 0; start + block.size() <= file.size(); start++) {
            if (matchesAt(file, block, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(List<String> file, List<String> block, int start) {
        int shift = Integer.MIN_VALUE;
        for (int i = 0; i < block.size(); i++) {
            String want = block.get(i).stripTrailing();
            String have = file.get(start + i).stripTrailing();
            if (!want.strip().equals(have.strip())) {
                return false;
            }
            if (want.isEmpty()) {
                continue;
            }
            int d = indent(have) - indent(want);
            if (shift == Integer.MIN_VALUE) {
                shift = d;
            } else if (d != shift) {
                return false;
            }
        }
        return true;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
