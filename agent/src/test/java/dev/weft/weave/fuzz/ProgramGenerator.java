package dev.weft.weave.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a random class of {@code @Async} methods for differential testing of the weaver, as
 * two Java sources from one random draw: a woven variant, where each await really suspends (the
 * awaited value comes from a future completed on a later loop iteration), and a plain variant,
 * where the same methods are ordinary Java and an await is the value itself.
 *
 * <p>The programs mix {@code int}, {@code long}, {@code double}, {@code boolean}, {@code String}
 * and {@code null} locals; loops with {@code break}/{@code continue}; {@code if}/{@code else},
 * ternaries and {@code switch}; {@code try}/{@code catch}/{@code finally} with awaits in every
 * block; awaits nested in arithmetic, in method and constructor arguments; calls between the
 * generated methods (bounded recursion); and exceptions thrown at random points. Every method
 * appends what it computes to a log, so any difference in evaluation order shows.
 *
 * <p>Deterministic for a given seed; not thread-safe (one generator per thread).
 */
final class ProgramGenerator {
    static final int METHODS = 6;

    private final Random random;
    private final boolean woven;
    private int locals;
    private int depth;

    private ProgramGenerator(long seed, boolean woven) {
        this.random = new Random(seed);
        this.woven = woven;
    }

    /** The woven and plain sources of program {@code seed}, as class {@code name}. */
    static String[] sources(String name, long seed) {
        return new String[] {new ProgramGenerator(seed, true).program(name),
                new ProgramGenerator(seed, false).program(name)};
    }

    private String program(String name) {
        StringBuilder s = new StringBuilder();
        s.append("package fuzz;\n")
         .append("import dev.weft.*;\nimport dev.weft.annotation.Async;\nimport java.util.List;\n")
         .append("public class ").append(name).append(" {\n")
         .append("  public record Box(int a, String b) {}\n");
        for (int m = 0; m < METHODS; m++) {
            s.append(method(m));
        }
        return s.append("}\n").toString();
    }

    private String method(int m) {
        locals = 0;
        depth = 0;
        StringBuilder b = new StringBuilder();
        String ret = woven ? "Coroutine<Integer>" : "int";
        b.append(woven ? "  @Async public static " : "  public static ").append(ret)
         .append(" m").append(m).append("(List<String> log, int p, long q, int budget) {\n");
        b.append("    int v0 = p; long w = q; double d = p * 0.5; boolean z = p % 2 == 0;\n")
         .append("    String s = \"s\" + p; Object n = null;\n");
        locals = 1;
        List<String> body = new ArrayList<>();
        int statements = 2 + random.nextInt(5);
        for (int i = 0; i < statements; i++) {
            body.add(statement(m, 2));
        }
        for (String st : body) {
            b.append(st);
        }
        b.append("    log.add(\"m").append(m).append(" end \" + v0 + \" \" + w + \" \" + d + \" \" + z + \" \" + s + \" \" + n);\n");
        b.append("    return ").append(done("v0 + (int) w")).append(";\n  }\n");
        return b.toString();
    }

    private String done(String value) {
        return woven ? "Weft.done(" + value + ")" : value;
    }

    private String statement(int m, int indent) {
        String pad = "  ".repeat(indent);
        depth++;
        try {
            int kind = depth > 3 ? random.nextInt(4) : random.nextInt(11);
            switch (kind) {
                case 0: case 1: {
                    String v = "v" + (locals++);
                    return pad + "int " + v + " = " + intExpr(m, 2) + ";\n" + pad + "v0 += " + v + ";\n";
                }
                case 2:
                    return pad + "log.add(\"m" + m + " \" + " + intExpr(m, 2) + ");\n";
                case 3:
                    return pad + pick("w += " + intExpr(m, 1) + " * 3L;", "d = d * 0.5 + " + intExpr(m, 1) + ";",
                            "s = s + " + intExpr(m, 1) + ";", "z = !z;", "n = (v0 > 3) ? s : null;") + "\n";
                case 4:
                    return pad + "if (" + intExpr(m, 1) + " % 3 == 0) {\n" + statement(m, indent + 1)
                            + pad + "} else {\n" + statement(m, indent + 1) + pad + "}\n";
                case 5:
                    return loop(m, indent);
                case 6:
                    return tryBlock(m, indent);
                case 7:
                    return pad + "if (" + intExpr(m, 1) + " % 11 == 4) throw new IllegalStateException(\"m" + m
                            + " threw \" + v0);\n";
                case 8:
                    return pad + "switch (" + intExpr(m, 1) + " & 3) {\n" + pad + "  case 0: v0 += "
                            + intExpr(m, 1) + "; break;\n" + pad + "  case 1: log.add(\"c1\"); // fall through\n"
                            + pad + "  case 2: v0 -= 1; break;\n" + pad + "  default: v0 ^= 5;\n" + pad + "}\n";
                case 9:
                    return pad + "log.add(new Box(" + intExpr(m, 1) + ", \"b\" + " + intExpr(m, 1) + ").toString());\n";
                default:
                    return pad + "v0 = " + intExpr(m, 2) + " + (z ? 1 : " + intExpr(m, 1) + ");\n";
            }
        } finally {
            depth--;
        }
    }

    private String loop(int m, int indent) {
        String pad = "  ".repeat(indent);
        String i = "i" + (locals++);
        String kind = pick("for", "while", "do");
        String body = statement(m, indent + 1)
                + pad + "  if (" + i + " == 1 && v0 % 2 == 0) continue;\n"
                + pad + "  if (v0 % 13 == 7) break;\n";
        switch (kind) {
            case "for":
                return pad + "for (int " + i + " = 0; " + i + " < 3; " + i + "++) {\n" + body + pad + "}\n";
            case "while":
                return pad + "int " + i + " = 0;\n" + pad + "while (" + i + "++ < 3) {\n" + body + pad + "}\n";
            default:
                return pad + "int " + i + " = 0;\n" + pad + "do {\n" + body + pad + "} while (++" + i + " < 3);\n";
        }
    }

    private String tryBlock(int m, int indent) {
        String pad = "  ".repeat(indent);
        return pad + "try {\n" + statement(m, indent + 1)
                + pad + "} catch (IllegalStateException e) {\n"
                + pad + "  log.add(\"caught \" + e.getMessage() + \" \" + " + intExpr(m, 1) + ");\n"
                + pad + "} finally {\n"
                + pad + "  log.add(\"finally \" + " + intExpr(m, 1) + ");\n"
                + pad + "}\n";
    }

    /** An int expression; {@code budget} bounds its nesting. */
    private String intExpr(int m, int budget) {
        if (budget <= 0) {
            return leaf();
        }
        switch (random.nextInt(9)) {
            case 0: case 1:
                return "(" + intExpr(m, budget - 1) + pick(" + ", " - ", " * ", " ^ ") + intExpr(m, budget - 1) + ")";
            case 2: case 3:
                return await(intExpr(m, budget - 1));
            case 4:
                return call(m, budget);
            case 5:
                return "(z ? " + intExpr(m, budget - 1) + " : " + intExpr(m, budget - 1) + ")";
            case 6:
                return "Math.max(" + intExpr(m, budget - 1) + ", (int) (" + await(intExpr(m, budget - 1)) + " + w % 7))";
            case 7:
                return "new Box(" + await(intExpr(m, budget - 1)) + ", s).a()";
            default:
                return leaf();
        }
    }

    private String call(int m, int budget) {
        // Only later methods are called, and only while the budget lasts: calls always end.
        if (m + 1 >= METHODS) {
            return leaf();
        }
        int target = m + 1 + random.nextInt(METHODS - m - 1);
        String call = "m" + target + "(log, " + intExpr(m, budget - 1) + " & 15, w, budget - 1)";
        String guarded = "(budget > 0 ? " + (woven ? "Weft.await(" + call + ")" : call) + " : 1)";
        return guarded;
    }

    private String await(String inner) {
        return woven ? "Weft.await(fuzz.Later.of(" + inner + "))" : "(" + inner + ")";
    }

    private String leaf() {
        switch (random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(20));
            case 1:
                return "v0";
            case 2:
                return "(int) (w & 7)";
            case 3:
                return "s.length()";
            case 4:
                return "(n == null ? 2 : 3)";
            default:
                return "p";
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
