package dev.oslo4j.broker.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}: a broker key pair for
 * localhost/127.0.0.1 and a client key pair, each with a trust store holding the other side's certificate.
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "changeit".toCharArray();

    public final Path brokerKeyStore;
    public final Path brokerTrustStore;
    public final Path clientKeyStore;
    public final Path clientTrustStore;

    private TestCertificates(Path dir) {
        brokerKeyStore = dir.resolve("broker.p12");
        brokerTrustStore = dir.resolve("broker-trusts-clients.p12");
        clientKeyStore = dir.resolve("client.p12");
        clientTrustStore = dir.resolve("client-trusts-broker.p12");
    }

    public static TestCertificates create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        TestCertificates c = new TestCertificates(dir);
        keyPair(c.brokerKeyStore, "broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        keyPair(c.clientKeyStore, "client", "CN=oslo4j-test-client", null);
        trust(c.brokerKeyStore, "broker", c.clientTrustStore);
        trust(c.clientKeyStore, "client", c.brokerTrustStore);
        return c;
    }

    /** A client TLS context trusting the broker, presenting the client certificate when {@code withClientCert}. */
    public SSLContext clientContext(boolean withClientCert) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(clientTrustStore));
        KeyManagerFactory kmf = null;
        if (withClientCert) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientKeyStore), PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static void keyPair(Path store, String alias, String dname, String san) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", dname, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args);
    }

    /** A trust store holding the certificate of {@code alias} in {@code keyStore}. */
    private static void trust(Path keyStore, String alias, Path trustStore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, PASSWORD);
        trusted.setCertificateEntry(alias, load(keyStore).getCertificate(alias));
        try (var out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD);
        }
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + args.get(0) + " failed: " + output);
        }
    }
}
