package dev.weft.weave.fuzz;

/**
 * Runs the differential fuzzer outside JUnit, for long runs:
 * {@code java -cp <agent test class path> -Dweft.fuzz.count=100000 -Dweft.fuzz.seed=S
 * dev.weft.weave.fuzz.FuzzMain}. Exits 1 and prints the failing seed and sources on a mismatch.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    /** Entry point; the count and first seed come from the system properties. */
    public static void main(String[] args) throws Exception {
        try {
            new DifferentialFuzzTest().randomPrograms_wovenAndPlain_behaveAlike();
            System.out.println("weft fuzz: " + Integer.getInteger("weft.fuzz.count", 2000)
                    + " programs from seed " + Long.getLong("weft.fuzz.seed", 20261122L) + ", no mismatch");
        } catch (AssertionError e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
