package dev.weft.examples.guide;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made when first asked
 * for with the running JDK's {@code keytool} (nothing that expires is checked in), and the two
 * {@link SSLContext}s the guide's TLS snippet needs: a server's that presents it and a client's
 * that trusts it and nothing else.
 *
 * <p>Threading: {@link #get()} is synchronized; the contexts are the JDK's, thread-safe.
 */
final class SelfSignedCert {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SelfSignedCert instance;

    private final KeyStore keyStore;

    private SelfSignedCert(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** The certificate, made on first use (keytool takes a second or so). */
    static synchronized SelfSignedCert get() throws Exception {
        if (instance == null) {
            instance = new SelfSignedCert(make());
        }
        return instance;
    }

    /** A server context presenting the certificate. */
    SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** A client context that trusts the certificate and nothing else. */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("localhost", keyStore.getCertificate("key"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore make() throws Exception {
        Path dir = Files.createTempDirectory("weft-guide-tls");
        Path store = dir.resolve("localhost.p12");
        try {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "key",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            return ks;
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }
}
