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
 * one, signed by a test CA, that expired
 * yesterday. Each is in a PKCS#12 keystore in a temporary directory, with its
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
        /** What a client trusts: the certificate itself, or for a CA-signed one the CA. */
        final Certificate anchor;

        Cert(KeyStore keyStore, Path certPem, Path keyPem, Certificate anchor) {
            this.keyStore = keyStore;
            this.certPem = certPem;
            this.keyPem = keyPem;
            this.anchor = anchor;
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
            trust.setCertificateEntry("ca", anchor);
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
        localhost = make("localhost", "dns:localhost,ip:127.0.0.1");
        otherHost = make("other", "dns:other.example");
        expired = makeExpired();
    }

    /** The certificates, made on first use (keytool takes a second or so). */
    static synchronized TestCerts get() throws Exception {
        if (instance == null) {
            instance = new TestCerts();
        }
        return instance;
    }

    private Cert make(String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        genKeyPair(store, name, "SAN=" + san, "-validity", "2");
        return load(name, store);
    }

    /**
     * A leaf certificate that expired yesterday, signed by a CA that is still valid: the JDK's
     * PKIX validation does not check the dates of a trust anchor itself, so an expired
     * self-signed certificate trusted directly would pass. The trust store gets the CA.
     */
    private Cert makeExpired() throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path leaf = dir.resolve("expired.p12");
        genKeyPair(ca, "test-ca", "bc:c", "-validity", "2");
        genKeyPair(leaf, "expired", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2");
        Path csr = dir.resolve("expired.csr");
        Path signed = dir.resolve("expired.crt");
        Path caCert = dir.resolve("ca.crt");
        keytool("-certreq", "-alias", "key", "-keystore", leaf.toString(), "-file", csr.toString());
        keytool("-gencert", "-alias", "key", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", signed.toString(), "-startdate", "-3d", "-validity", "1",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        keytool("-exportcert", "-alias", "key", "-keystore", ca.toString(), "-file",
                caCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", leaf.toString(),
                "-file", caCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "key", "-keystore", leaf.toString(),
                "-file", signed.toString());
        for (Path p : List.of(ca, csr, signed, caCert)) {
            p.toFile().deleteOnExit();
        }
        Cert cert = load("expired", leaf);
        KeyStore caStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ca)) {
            caStore.load(in, PASSWORD);
        }
        return new Cert(cert.keyStore, cert.certPem, cert.keyPem, caStore.getCertificate("key"));
    }

    private void genKeyPair(Path store, String name, String ext, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "key", "-keyalg",
                "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", ext,
                "-keystore", store.toString()));
        args.addAll(List.of(more));
        keytool(args.toArray(new String[0]));
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }

    private Cert load(String name, Path store) throws Exception {
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
        return new Cert(ks, certPem, keyPem, cert);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
