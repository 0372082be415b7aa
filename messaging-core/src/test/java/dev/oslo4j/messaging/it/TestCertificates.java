package dev.oslo4j.messaging.it;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A throwaway CA and certificates made at test time, written as PEM files like an operator would have them. */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    final Issued ca;

    TestCertificates() throws Exception {
        KeyPair k = rsa();
        X500Name name = new X500Name("CN=oslo4j test CA");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), from(), to(), name, k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = new Issued(k, sign(b, k));
    }

    /** A certificate signed by the CA for {@code cn} with DNS / IP subject alternative names. */
    Issued issue(String cn, List<String> dnsNames, List<String> ips) throws Exception {
        KeyPair k = rsa();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(), from(), to(),
                new X500Name("CN=" + cn), k.getPublic());
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
        return new Issued(k, sign(b, ca.keys()));
    }

    static Path writePem(Path file, Object... objects) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        Files.writeString(file, out.toString());
        return file;
    }

    /** The key as PKCS#8 ("BEGIN PRIVATE KEY"). */
    static Path writePkcs8Key(Path file, KeyPair keys) throws Exception {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date from() {
        return new Date(System.currentTimeMillis() - 3_600_000);
    }

    private static Date to() {
        return new Date(System.currentTimeMillis() + 86_400_000);
    }
}
