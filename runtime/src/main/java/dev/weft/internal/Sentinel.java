package dev.weft.internal;

/** A named marker object, compared by identity. Immutable; safe on any thread. */
final class Sentinel {
    private final String name;

    Sentinel(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
