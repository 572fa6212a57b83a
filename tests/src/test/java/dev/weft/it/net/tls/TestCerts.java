package dev.weft.it.net.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the running JDK's {@code keytool}, so nothing
 * that expires is checked in: one for {@code localhost}/127.0.0.1, one for another host name, and
 * one that expired yesterday. Each is in a PKCS#12 keystore in a temporary directory, with its
 * certificate and key also written as PEM files for Python and openssl.
 */
final class TestCerts {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCerts instance;

    final Path dir;
    final Cert localhost;
    final Cert otherHost;
    final Cert expired;

    /** One certificate: its keystore and the PEM files of its certificate and key. */
    static final class Cert {
        final KeyStore keyStore;
        final Path certPem;
        final Path keyPem;

        Cert(KeyStore keyStore, Path certPem, Path keyPem) {
            this.keyStore = keyStore;
            this.certPem = certPem;
            this.keyPem = keyPem;
        }

        /** A server context presenting this certificate. */
        SSLContext serverContext() throws Exception {
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        }

        /** A client context trusting this certificate and nothing else. */
        SSLContext trustingContext() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", keyStore.getCertificate("key"));
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        }
    }

    private TestCerts() throws Exception {
        dir = Files.createTempDirectory("weft-tls");
        dir.toFile().deleteOnExit();
        localhost = make("localhost", "dns:localhost,ip:127.0.0.1", null);
        otherHost = make("other", "dns:other.example", null);
        expired = make("expired", "dns:localhost,ip:127.0.0.1", "-3d");
    }

    /** The certificates, made on first use (keytool takes a second or so). */
    static synchronized TestCerts get() throws Exception {
        if (instance == null) {
            instance = new TestCerts();
        }
        return instance;
    }

    private Cert make(String name, String san, String startDate) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=" + san,
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (startDate != null) {
            cmd.addAll(List.of("-startdate", startDate, "-validity", "1"));
        } else {
            cmd.addAll(List.of("-validity", "2"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        Certificate cert = ks.getCertificate("key");
        PrivateKey key = (PrivateKey) ks.getKey("key", PASSWORD);
        Path certPem = dir.resolve(name + ".crt.pem");
        Path keyPem = dir.resolve(name + ".key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
        store.toFile().deleteOnExit();
        certPem.toFile().deleteOnExit();
        keyPem.toFile().deleteOnExit();
        return new Cert(ks, certPem, keyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
