package dev.weft.it.net.tls;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A blocking TLS client in CPython ({@code ssl}, OpenSSL) driven line by line from a test: the
 * one client here that tells a TLS end with {@code close_notify} ("EOF") from a socket closed
 * without it ("no close_notify", OpenSSL's unexpected EOF, with {@code suppress_ragged_eofs}
 * off). The JDK's {@code SSLSocket} reads both as the end of the stream unless
 * {@code com.sun.net.ssl.requireCloseNotify} is set for the whole JVM.
 */
final class PyTlsClient implements AutoCloseable {
    static final String PYTHON_313 = "/root/.pyenv/versions/3.13.0/bin/python3.13";

    private static final String SCRIPT = String.join("\n",
            "import socket, ssl, sys",
            "port, ca = int(sys.argv[1]), sys.argv[2]",
            "ctx = ssl.create_default_context(cafile=ca)",
            "s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', port), timeout=20),",
            "                    server_hostname='localhost', suppress_ragged_eofs=False)",
            "def line():",
            "    buf = b''",
            "    while not buf.endswith(b'\\n'):",
            "        try:",
            "            chunk = s.recv(1)",
            "        except ssl.SSLEOFError:",
            "            return 'no close_notify'",
            "        except OSError as e:",
            "            return 'error ' + type(e).__name__",
            "        if not chunk:",
            "            return buf.decode() if buf else 'EOF'",
            "        buf += chunk",
            "    return buf.decode().strip()",
            "print('connected', s.version(), flush=True)",
            "for cmd in sys.stdin:",
            "    cmd = cmd.strip()",
            "    if cmd == 'read':",
            "        print(line(), flush=True)",
            "    elif cmd.startswith('send '):",
            "        s.sendall(cmd[5:].encode() + b'\\n')",
            "    elif cmd == 'close':",
            "        try:",
            "            s.unwrap()",  // our close_notify, after the peer's
            "        except (ssl.SSLError, OSError):",
            "            pass",
            "        s.close()",
            "        print('closed', flush=True)",
            "        break",
            "");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    /** Connects to {@code port}, trusting {@code caPem}; returns after the handshake. */
    PyTlsClient(int port, Path caPem) throws Exception {
        Path script = caPem.resolveSibling("py_tls_client.py");
        Files.writeString(script, SCRIPT);
        script.toFile().deleteOnExit();
        process = new ProcessBuilder(List.of(PYTHON_313, script.toString(),
                Integer.toString(port), caPem.toString())).redirectErrorStream(true).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("connected")) {
            throw new IOException("the Python client did not connect: " + first);
        }
    }

    static boolean available() {
        return new File(PYTHON_313).canExecute();
    }

    void send(String line) throws IOException {
        command("send " + line);
    }

    /** The next line; "EOF" after close_notify; "no close_notify" at an EOF without it. */
    String next() throws IOException {
        command("read");
        return out.readLine();
    }

    private void command(String cmd) throws IOException {
        in.write(cmd + "\n");
        in.flush();
    }

    /** Sends our close_notify (answering the peer's) and ends the process. */
    @Override
    public void close() throws Exception {
        try {
            command("close");
            out.readLine();
        } catch (IOException ended) {
            // the process is gone already
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
