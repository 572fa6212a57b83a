package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.ServerOptions;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS against other implementations on loopback: Python's {@code asyncio} + {@code ssl} (OpenSSL)
 * as client and as server, and {@code openssl s_client}. Each test is skipped, with a message,
 * where its peer is not installed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsInteropTest {
    private static final String HOST = "127.0.0.1";
    private static final String PYTHON_313 = "/root/.pyenv/versions/3.13.0/bin/python3.13";

    private static final String PY_CLIENT = String.join("\n",
            "import asyncio, ssl, sys",
            "async def main(port, ca):",
            "    ctx = ssl.create_default_context(cafile=ca)",
            "    ctx.set_alpn_protocols(['h2', 'echo/1'])",
            "    r, w = await asyncio.open_connection('127.0.0.1', port, ssl=ctx,",
            "                                         server_hostname='localhost', limit=1 << 20)",
            "    ssl_object = w.get_extra_info('ssl_object')",
            "    w.write(b'x' * 100000 + b'\\n')",
            "    await w.drain()",
            "    line = await r.readline()",
            "    w.close()",
            "    await w.wait_closed()",
            "    print(ssl_object.selected_alpn_protocol(), len(line), ssl_object.version())",
            "asyncio.run(main(int(sys.argv[1]), sys.argv[2]))",
            "");

    private static final String PY_SERVER = String.join("\n",
            "import asyncio, ssl, sys",
            "async def main(cert, key):",
            "    done = asyncio.Event()",
            "    async def handle(r, w):",
            "        line = await r.readline()",
            "        alpn = w.get_extra_info('ssl_object').selected_alpn_protocol()",
            "        w.write(alpn.encode() + b' ' + line)",
            "        await w.drain()",
            "        rest = await r.read()",  // until the weft client's close_notify
            "        w.close()",
            "        await w.wait_closed()",
            "        print('python saw eof after', len(rest), flush=True)",
            "        done.set()",
            "    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)",
            "    ctx.load_cert_chain(cert, key)",
            "    ctx.set_alpn_protocols(['echo/1'])",
            "    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=ctx)",
            "    print(server.sockets[0].getsockname()[1], flush=True)",
            "    await asyncio.wait_for(done.wait(), 60)",
            "    server.close()",
            "    await server.wait_closed()",
            "asyncio.run(main(sys.argv[1], sys.argv[2]))",
            "");

    private static String python() {
        if (new File(PYTHON_313).canExecute()) {
            return PYTHON_313;
        }
        return onPath("python3");
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    /** Runs {@code cmd} to its end with {@code stdin}; returns its output (stderr included). */
    private static String run(List<String> cmd, String stdin) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not end: " + out);
        }
        return "exit=" + p.exitValue() + "\n" + out;
    }

    private static Path script(String name, String text) throws Exception {
        Path f = TestCerts.get().dir.resolve(name);
        Files.writeString(f, text);
        f.toFile().deleteOnExit();
        return f;
    }

    /**
     * Echoes one line, then reads to the peer's EOF (its close_notify) if {@code readToEof}, or
     * returns, which closes the connection with our close_notify; records what it saw.
     */
    @Async
    static Coroutine<Void> echoLine(StreamReader reader, StreamWriter writer, List<String> log,
            boolean readToEof) {
        log.add("alpn=" + ((TlsTransport) writer.transport()).applicationProtocol());
        byte[] line = Weft.await(reader.readLine());
        writer.write(line);
        Weft.await(writer.drain());
        if (!readToEof) {
            return Weft.done();
        }
        log.add("then " + Weft.await(reader.read(100)).length + " bytes, atEof="
                + reader.atEof());
        return Weft.done();
    }

    @Async
    static Coroutine<List<String>> serveOne(TlsOptions tls, List<String> cmdBeforePort,
            boolean readToEof) {
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Streams.startServer((r, w) -> echoLine(r, w, log, readToEof),
                HOST, 0,
                256 * 1024, ServerOptions.defaults(), tls));
        List<String> cmd = new ArrayList<>();
        for (String arg : cmdBeforePort) {
            cmd.add(arg.replace("PORT", Integer.toString(server.port())));
        }
        log.add(Weft.await(Weft.toThread(() -> run(cmd, "hello openssl\n"))));
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void pythonAsyncioClient_againstWeftServer_echoesAlpnAndClosesCleanly() throws Exception {
        String python = python();
        assumeTrue(python != null, "python3 is not installed: skipping the asyncio client test");
        TestCerts certs = TestCerts.get();
        Path client = script("tls_client.py", PY_CLIENT);
        TlsOptions tls = TlsOptions.of(certs.localhost.serverContext())
                .withApplicationProtocols("echo/1");

        List<String> log = Weft.run(serveOne(tls, List.of(python, client.toString(), "PORT",
                certs.localhost.certPem.toString()), true));

        assertEquals("alpn=echo/1", log.get(0));
        // Python's close() sends close_notify: the weft handler reads EOF.
        assertEquals("then 0 bytes, atEof=true", log.get(1));
        assertTrue(log.get(2).startsWith("exit=0\n"), log.get(2));
        assertTrue(log.get(2).contains("echo/1 100001 TLSv1.3"), log.get(2));
    }

    @Test
    void opensslSClient_againstWeftServer_verifiesCertificateAndNegotiatesAlpn() throws Exception {
        String openssl = onPath("openssl");
        assumeTrue(openssl != null, "openssl is not installed: skipping the s_client test");
        TestCerts certs = TestCerts.get();
        TlsOptions tls = TlsOptions.of(certs.localhost.serverContext())
                .withApplicationProtocols("echo/1");

        // -ign_eof: after its stdin ends, s_client waits for the server to close (close_notify).
        List<String> log = Weft.run(serveOne(tls, List.of(openssl, "s_client", "-connect",
                HOST + ":PORT", "-servername", "localhost", "-verify_hostname", "localhost",
                "-CAfile", certs.localhost.certPem.toString(), "-verify_return_error",
                "-alpn", "echo/1", "-ign_eof"), false));

        String out = log.get(log.size() - 1);
        assertTrue(out.startsWith("exit=0\n"), out);
        assertTrue(out.contains("ALPN protocol: echo/1"), out);
        assertTrue(out.contains("Verify return code: 0 (ok)"), out);
        assertTrue(out.contains("hello openssl"), out);
        assertEquals("alpn=echo/1", log.get(0));
    }

    @Async
    static Coroutine<List<String>> againstPythonServer(List<String> cmd, TlsOptions tls) {
        List<String> log = new ArrayList<>();
        PythonPeer py = Weft.await(Weft.toThread(() -> PythonPeer.start(cmd)));
        int port = py.port;
        try {
            Connection c = Weft.await(Streams.openConnection("localhost", port, tls));
            log.add("alpn=" + ((TlsTransport) c.writer().transport()).applicationProtocol());
            c.writer().write("ping\n".getBytes(StandardCharsets.UTF_8));
            log.add(new String(Weft.await(c.reader().readLine()), StandardCharsets.UTF_8));
            c.writer().close(); // close_notify; Python answers with its own and closes
            Weft.await(c.writer().waitClosed());
            log.add("closed");
            log.add(Weft.await(Weft.toThread(py::finish)));
        } finally {
            py.close();
        }
        return Weft.done(log);
    }

    @Test
    void weftClient_againstPythonAsyncioServer_echoesAlpnAndClosesCleanly() throws Exception {
        String python = python();
        assumeTrue(python != null, "python3 is not installed: skipping the asyncio server test");
        TestCerts certs = TestCerts.get();
        Path server = script("tls_server.py", PY_SERVER);
        TlsOptions tls = TlsOptions.of(certs.localhost.trustingContext())
                .withApplicationProtocols("echo/1");

        List<String> log = Weft.run(againstPythonServer(List.of(python, server.toString(),
                certs.localhost.certPem.toString(), certs.localhost.keyPem.toString()), tls));

        assertEquals(List.of("alpn=echo/1", "echo/1 ping\n", "closed",
                "python saw eof after 0 exit=0"), log);
    }
}
