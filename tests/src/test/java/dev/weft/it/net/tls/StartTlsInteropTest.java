package dev.weft.it.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.TlsOptions;
import dev.weft.net.TlsTransport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * startTls against CPython's asyncio doing the same ({@code StreamWriter.start_tls}) on the
 * other end of a STARTTLS exchange: a weft client upgrading with a Python server, and a Python
 * client upgrading with a weft server. Skipped, with a message, where no Python 3.11+ is
 * installed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartTlsInteropTest {
    private static final String PYTHON_313 = "/root/.pyenv/versions/3.13.0/bin/python3.13";

    private static final String PY_SERVER = String.join("\n",
            "import asyncio, ssl, sys",
            "async def main(cert, key):",
            "    done = asyncio.Event()",
            "    async def handle(r, w):",
            "        w.write(b'220 ready\\n')",
            "        line = await r.readline()",
            "        w.write(b'220 go ahead\\n')",
            "        await w.drain()",
            "        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)",
            "        ctx.load_cert_chain(cert, key)",
            "        await w.start_tls(ctx)",
            "        version = w.get_extra_info('ssl_object').version()",
            "        data = await r.readline()",
            "        w.write(b'echo ' + data)",
            "        await w.drain()",
            "        rest = await r.read()",  // until the weft client's close_notify
            "        w.close()",
            "        await w.wait_closed()",
            "        print('python', line.strip().decode(), version, 'eof after', len(rest),",
            "              flush=True)",
            "        done.set()",
            "    server = await asyncio.start_server(handle, '127.0.0.1', 0)",
            "    print(server.sockets[0].getsockname()[1], flush=True)",
            "    await asyncio.wait_for(done.wait(), 60)",
            "    server.close()",
            "    await server.wait_closed()",
            "asyncio.run(main(sys.argv[1], sys.argv[2]))",
            "");

    private static final String PY_CLIENT = String.join("\n",
            "import asyncio, ssl, sys",
            "async def main(port, ca):",
            "    r, w = await asyncio.open_connection('127.0.0.1', port)",
            "    greeting = await r.readline()",
            "    w.write(b'STARTTLS\\n')",
            "    go = await r.readline()",
            "    await w.start_tls(ssl.create_default_context(cafile=ca),",
            "                      server_hostname='localhost')",
            "    version = w.get_extra_info('ssl_object').version()",
            "    buffered = await r.readline()",  // sent in plaintext before the upgrade
            "    w.write(b'hello\\n')",
            "    echo = await r.readline()",
            "    w.close()",
            "    await w.wait_closed()",
            "    print(greeting.strip().decode(), '|', go.strip().decode(), '|', version, '|',",
            "          buffered.strip().decode(), '|', echo.strip().decode())",
            "asyncio.run(main(int(sys.argv[1]), sys.argv[2]))",
            "");

    @org.junit.jupiter.api.BeforeAll
    static void certificates() throws Exception {
        StartTlsStreamsTest.certificates(); // the weft server's handler is that test's
    }

    private static String python() {
        return new File(PYTHON_313).canExecute() ? PYTHON_313 : null;
    }

    private static Path script(String name, String text) throws Exception {
        Path f = TestCerts.get().dir.resolve(name);
        Files.writeString(f, text);
        f.toFile().deleteOnExit();
        return f;
    }

    @Async
    static Coroutine<List<String>> againstPythonServer(List<String> cmd) throws Exception {
        List<String> log = new ArrayList<>();
        PythonPeer py = Weft.await(Weft.toThread(() -> PythonPeer.start(cmd)));
        int port = py.port;
        try {
            Connection c = Weft.await(Streams.openConnection("127.0.0.1", port));
            log.add(new String(Weft.await(c.reader().readLine()), StandardCharsets.UTF_8).trim());
            c.writer().write("STARTTLS\n".getBytes(StandardCharsets.UTF_8));
            log.add(new String(Weft.await(c.reader().readLine()), StandardCharsets.UTF_8).trim());
            Weft.await(c.writer().startTls(TlsOptions.of(TestCerts.get().localhost
                    .trustingContext()).withServerName("localhost")));
            log.add(((TlsTransport) c.writer().transport()).session().getProtocol());
            c.writer().write("ping\n".getBytes(StandardCharsets.UTF_8));
            log.add(new String(Weft.await(c.reader().readLine()), StandardCharsets.UTF_8).trim());
            c.writer().close(); // close_notify; Python answers with its own and closes
            Weft.await(c.writer().waitClosed());
            log.add(Weft.await(Weft.toThread(py::finish)));
        } finally {
            py.close();
        }
        return Weft.done(log);
    }

    @Test
    void weftClientUpgrades_withPythonAsyncioServerUpgrading() throws Exception {
        String python = python();
        assumeTrue(python != null, PYTHON_313 + " is not installed: skipping");
        TestCerts certs = TestCerts.get();
        Path server = script("starttls_server.py", PY_SERVER);

        List<String> log = Weft.run(againstPythonServer(List.of(python, server.toString(),
                certs.localhost.certPem.toString(), certs.localhost.keyPem.toString())));

        assertEquals(List.of("220 ready", "220 go ahead", "TLSv1.3", "echo ping",
                "python STARTTLS TLSv1.3 eof after 0 exit=0"), log);
    }

    @Async
    static Coroutine<List<String>> pythonClient(List<String> cmd) {
        List<String> log = new ArrayList<>();
        Server server = Weft.await(Streams.startServer(
                (r, w) -> StartTlsStreamsTest.starttlsServer(r, w, log), "127.0.0.1", 0));
        List<String> args = new ArrayList<>(cmd);
        args.add(2, Integer.toString(server.port()));
        String out = Weft.await(Weft.toThread(() -> {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return "exit=" + p.exitValue() + " " + text.trim();
        }));
        log.add(out);
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done(log);
    }

    @Test
    void pythonAsyncioClientUpgrades_withWeftServerUpgrading() throws Exception {
        String python = python();
        assumeTrue(python != null, PYTHON_313 + " is not installed: skipping");
        TestCerts certs = TestCerts.get();
        Path client = script("starttls_client.py", PY_CLIENT);

        List<String> log = Weft.run(pythonClient(List.of(python, client.toString(),
                certs.localhost.certPem.toString())));

        assertEquals(List.of("server got STARTTLS", "server tls TLSv1.3", "server tls got hello",
                "server eof 0"), log.subList(0, Math.min(4, log.size())), log.toString());
        String out = log.get(4);
        assertTrue(out.equals("exit=0 220 ready | 220 go ahead | TLSv1.3 | leftover | echo hello"),
                out);
    }
}
