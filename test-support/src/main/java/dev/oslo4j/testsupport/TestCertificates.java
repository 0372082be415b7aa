package dev.oslo4j.testsupport;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority made at test time, issuing broker and client certificates, written the way each
 * side wants them: PEM files for oslo's {@code ssl_ca_file} / {@code ssl_cert_file} / {@code ssl_key_file} (the key as
 * PKCS#1 or PKCS#8), PKCS12 stores for the embedded broker, {@link SSLContext}s for amqp-client.
 */
public final class TestCertificates {

    /** The password of every PKCS12 store written here. */
    public static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair with its certificate and the CA certificate that signed it. */
    public record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;

    /** A CA named "oslo4j test CA". */
    public TestCertificates() throws GeneralSecurityException {
        this("oslo4j test CA");
    }

    /** A CA with this common name. */
    public TestCertificates(String name) throws GeneralSecurityException {
        this.caKeys = rsa();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), from(), to(), subject,
                caKeys.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot mark the CA certificate as a CA", e);
        }
        this.ca = sign(b, caKeys);
    }

    /** The CA certificate. */
    public X509Certificate ca() {
        return ca;
    }

    /** A certificate for {@code cn} with these DNS names and IP addresses as subject alternative names. */
    public Issued issue(String cn, List<String> dnsNames, List<String> ips) throws GeneralSecurityException {
        KeyPair keys = rsa();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), from(), to(),
                new X500Name("CN=" + cn), keys.getPublic());
        GeneralName[] names = new GeneralName[dnsNames.size() + ips.size()];
        int i = 0;
        for (String d : dnsNames) {
            names[i++] = new GeneralName(GeneralName.dNSName, d);
        }
        for (String ip : ips) {
            names[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        if (names.length > 0) {
            try {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot add the subject alternative names", e);
            }
        }
        return new Issued(keys, sign(b, caKeys), ca);
    }

    /** The CA certificate as a PEM file (oslo's {@code ssl_ca_file}). */
    public Path caPem(Path file) throws IOException {
        return pem(file, ca);
    }

    /**
     * A PEM file of certificates and keys as Bouncy Castle writes them: a {@link KeyPair} as a PKCS#1
     * {@code BEGIN RSA PRIVATE KEY}; see {@link #pkcs8Key} for PKCS#8.
     */
    public static Path pem(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        return Files.writeString(file, text.toString());
    }

    /** The private key as an unencrypted PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
    public static Path pkcs8Key(Path file, KeyPair keys) throws IOException {
        return pem(file, new JcaPKCS8Generator(keys.getPrivate(), null));
    }

    /** A PKCS12 key store ({@link #STORE_PASSWORD}) holding {@code issued} with its chain: a broker's certificate. */
    public static Path keyStore(Path file, Issued issued) throws IOException, GeneralSecurityException {
        return save(keyStore(issued), file);
    }

    /** A PKCS12 trust store ({@link #STORE_PASSWORD}) holding this CA: a broker's trust in client certificates. */
    public Path trustStore(Path file) throws IOException, GeneralSecurityException {
        return save(trustStore(), file);
    }

    /**
     * A TLS 1.3 client context trusting this CA, presenting {@code clientCertificate} when it is not null.
     */
    public SSLContext clientContext(Issued clientCertificate) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        KeyManagerFactory kmf = null;
        if (clientCertificate != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(clientCertificate), STORE_PASSWORD);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore keyStore(Issued issued) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry("key", issued.keys().getPrivate(), STORE_PASSWORD,
                new Certificate[] {issued.certificate(), issued.issuer()});
        return store;
    }

    private KeyStore trustStore() throws GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setCertificateEntry("ca", ca);
        return store;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, STORE_PASSWORD);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty PKCS12 store", e);
        }
        return store;
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD);
        }
        return file;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date from() {
        return new Date(System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1));
    }

    private static Date to() {
        return new Date(System.currentTimeMillis() + TimeUnit.DAYS.toMillis(2));
    }
}
