package dev.weft.examples.net;

/**
 * The command line of the network examples, as the Python shims read theirs: {@code host port},
 * or nothing for {@code localhost 10000}, the seeds' {@code SERVER_ADDRESS}.
 *
 * @param host the host to bind or connect to
 * @param port the port
 */
record Args(String host, int port) {
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 10000;

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException if there is a host without a port, or the port is not a
     *     number
     */
    static Args parse(String[] args) {
        if (args.length == 0) {
            return new Args(DEFAULT_HOST, DEFAULT_PORT);
        }
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: HOST PORT (or nothing for "
                    + DEFAULT_HOST + " " + DEFAULT_PORT + ")");
        }
        try {
            return new Args(args[0], Integer.parseInt(args[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number, got " + args[1], e);
        }
    }
}
