package dev.gpucc.attestation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates and CRLs in the forms found in the wild: one DER certificate, one PEM
 * certificate, or a PEM bundle (any text around the PEM blocks is ignored).
 *
 * <p>Uses the JDK's X.509 parser (not a JCE provider choice: parsing only). Signature checks
 * are done elsewhere with Bouncy Castle passed explicitly.
 */
public final class CertificateFiles {
  private static final Pattern PEM_CERT =
      Pattern.compile(
          "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");
  private static final Pattern PEM_CRL =
      Pattern.compile("-----BEGIN X509 CRL-----([A-Za-z0-9+/=\\s]+?)-----END X509 CRL-----");

  private CertificateFiles() {}

  public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
    return parse(Files.readAllBytes(file));
  }

  /** Parses DER or PEM (one or many). Throws if nothing parses. */
  public static List<X509Certificate> parse(byte[] bytes) throws CertificateException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<X509Certificate> out = new ArrayList<>();
    if (text.contains("-----BEGIN CERTIFICATE-----")) {
      Matcher m = PEM_CERT.matcher(text);
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
      }
      if (out.isEmpty()) {
        throw new CertificateException("PEM text contains no complete certificate");
      }
      return out;
    }
    if (bytes.length == 0) {
      throw new CertificateException("empty certificate data");
    }
    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(bytes)));
    return out;
  }

  public static X509Certificate parseOne(byte[] bytes) throws CertificateException {
    List<X509Certificate> all = parse(bytes);
    if (all.size() != 1) {
      throw new CertificateException("expected one certificate, found " + all.size());
    }
    return all.get(0);
  }

  /** Parses a CRL in DER or PEM. */
  public static X509CRL parseCrl(byte[] bytes) throws CRLException {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      byte[] der = bytes;
      if (text.contains("-----BEGIN X509 CRL-----")) {
        Matcher m = PEM_CRL.matcher(text);
        if (!m.find()) {
          throw new CRLException("PEM text contains no complete CRL");
        }
        der = Base64.getMimeDecoder().decode(m.group(1));
      }
      return (X509CRL) cf.generateCRL(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new CRLException("X.509 factory unavailable", e);
    }
  }

  public static String toPem(List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    Base64.Encoder enc = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate c : certs) {
      try {
        sb.append("-----BEGIN CERTIFICATE-----\n")
            .append(enc.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException("certificate cannot be re-encoded", e);
      }
    }
    return sb.toString();
  }
}
