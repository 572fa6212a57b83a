package dev.weft.weave.samples;

/** A class with nothing to weave. */
public class NoAsync {
    public int twice(int x) {
        return 2 * x;
    }
}
