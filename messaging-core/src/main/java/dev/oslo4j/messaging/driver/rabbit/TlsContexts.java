package dev.oslo4j.messaging.driver.rabbit;

import dev.oslo4j.messaging.InvalidConfiguration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link SSLContext} for {@code ssl=true} from oslo's PEM options: {@code ssl_ca_file} (trusted CAs;
 * empty → the JVM trust store), {@code ssl_cert_file} + {@code ssl_key_file} (client certificate; PKCS#8
 * or PKCS#1 RSA keys, unencrypted), {@code ssl_version} (e.g. {@code TLSv1_2}, {@code TLSv1.3}).
 */
final class TlsContexts {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private TlsContexts() {
    }

    static SSLContext create(RabbitOptions o) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (o.sslCaFile().isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(o.sslCaFile(), "ssl_ca_file")) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (!o.sslCertFile().isEmpty() || !o.sslKeyFile().isEmpty()) {
                if (o.sslCertFile().isEmpty() || o.sslKeyFile().isEmpty()) {
                    throw new InvalidConfiguration("options 'ssl_cert_file' and 'ssl_key_file' must be set together");
                }
                List<Certificate> chain = certificates(o.sslCertFile(), "ssl_cert_file");
                PrivateKey key = privateKey(o.sslKeyFile());
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                char[] none = new char[0];
                ks.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, none);
            }
            SSLContext ctx = SSLContext.getInstance(protocol(o.sslVersion()));
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidConfiguration("TLS configuration is unusable: " + e.getMessage(), e);
        }
    }

    /** oslo names ({@code TLSv1_2}) and Java names ({@code TLSv1.2}); empty → "TLS" (negotiate the best). */
    static String protocol(String sslVersion) {
        if (sslVersion == null || sslVersion.isEmpty()) {
            return "TLS";
        }
        String v = sslVersion.replace('_', '.');
        if (!v.matches("TLSv1(\\.[0-3])?|TLS|SSLv23")) {
            throw new InvalidConfiguration("option 'ssl_version' value '" + sslVersion
                    + "' is not supported; use TLSv1_2 or TLSv1_3");
        }
        return v.equals("SSLv23") ? "TLS" : v;
    }

    private static List<Certificate> certificates(String file, String option) throws IOException, GeneralSecurityException {
        byte[] data = read(file, option);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(data));
        if (certs.isEmpty()) {
            throw new InvalidConfiguration("option '" + option + "': file " + file + " holds no certificate");
        }
        return new ArrayList<>(certs);
    }

    private static PrivateKey privateKey(String file) throws IOException, GeneralSecurityException {
        String pem = new String(read(file, "ssl_key_file"), StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(der);
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1(der)));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new InvalidConfiguration("option 'ssl_key_file': " + file
                        + " is encrypted; oslo4j needs an unencrypted PEM key (as oslo does)");
                default -> {
                    // certificates or parameters in the same file: keep looking
                }
            }
        }
        throw new InvalidConfiguration("option 'ssl_key_file': " + file
                + " holds no PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("unsupported private key algorithm in ssl_key_file");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL params). */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octet = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algId.length + octet.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algId, 0, body, version.length, algId.length);
        System.arraycopy(octet, 0, body, version.length + algId.length, octet.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int len = content.length;
        byte[] lenBytes;
        if (len < 0x80) {
            lenBytes = new byte[] {(byte) len};
        } else if (len < 0x100) {
            lenBytes = new byte[] {(byte) 0x81, (byte) len};
        } else if (len < 0x10000) {
            lenBytes = new byte[] {(byte) 0x82, (byte) (len >> 8), (byte) len};
        } else {
            lenBytes = new byte[] {(byte) 0x83, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
        }
        byte[] out = new byte[1 + lenBytes.length + len];
        out[0] = (byte) tag;
        System.arraycopy(lenBytes, 0, out, 1, lenBytes.length);
        System.arraycopy(content, 0, out, 1 + lenBytes.length, len);
        return out;
    }

    private static byte[] read(String file, String option) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidConfiguration("option '" + option + "': cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
