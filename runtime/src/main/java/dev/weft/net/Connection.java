package dev.weft.net;

/**
 * The two halves of a stream connection that {@link Streams#openConnection} opens: asyncio's
 * {@code (reader, writer)} pair.
 *
 * @param reader reads what the peer sends
 * @param writer writes to the peer and closes the connection
 */
public record Connection(StreamReader reader, StreamWriter writer) {
}
