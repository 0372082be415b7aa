package dev.oslo4j.conformance.reliability;

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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority made at test time, issuing broker and client certificates, written the way
 * each side wants them: PEM files for oslo's {@code ssl_ca_file} / {@code ssl_cert_file} / {@code ssl_key_file},
 * PKCS12 stores for the embedded broker.
 */
final class Pki {

    static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair with its certificate (and the CA that signed it). */
    record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
    }

    private final Path dir;
    private final KeyPair caKeys;
    final X509Certificate ca;

    Pki(Path dir, String name) throws Exception {
        this.dir = dir;
        this.caKeys = rsa();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), from(), to(), subject,
                caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.ca = sign(b, caKeys);
    }

    /** A certificate for {@code cn} with these DNS names and IP addresses as subject alternative names. */
    Issued issue(String cn, List<String> dnsNames, List<String> ips) throws Exception {
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
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new Issued(keys, sign(b, caKeys), ca);
    }

    /** The CA certificate as a PEM file (oslo's {@code ssl_ca_file}). */
    Path caFile(String name) throws IOException {
        return pem(name, ca);
    }

    /** A PEM file of certificates or keys (a private key is written as PKCS#8). */
    Path pem(String name, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                if (o instanceof KeyPair k) {
                    w.writeObject(new JcaPKCS8Generator(k.getPrivate(), null));
                } else {
                    w.writeObject(o);
                }
            }
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    /** A PKCS12 key store holding {@code issued} with its chain (the embedded broker's certificate). */
    Path keyStore(String name, Issued issued) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, STORE_PASSWORD);
        store.setKeyEntry("key", issued.keys().getPrivate(), STORE_PASSWORD,
                new Certificate[] {issued.certificate(), issued.issuer()});
        return save(store, name);
    }

    /** A PKCS12 trust store holding this CA (the embedded broker's trust in client certificates). */
    Path trustStore(String name) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, STORE_PASSWORD);
        store.setCertificateEntry("ca", ca);
        return save(store, name);
    }

    private Path save(KeyStore store, String name) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD);
        }
        return file;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
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
