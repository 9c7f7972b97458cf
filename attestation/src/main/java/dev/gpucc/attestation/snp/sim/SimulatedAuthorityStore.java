package dev.gpucc.attestation.snp.sim;

import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.snp.abi.SnpProductLine;
import dev.gpucc.attestation.snp.abi.TcbVersion;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On-disk form of a {@link SimulatedAmdAuthority}: PEM certificates ({@code ark.pem}, {@code
 * ask.pem}, {@code vcek.pem}, optional {@code asvk.pem}, {@code vlek.pem}), PKCS#8 PEM private keys
 * ({@code *.key}, mode 0600) and {@code authority.properties} (product line, TCB, chip id).
 */
final class SimulatedAuthorityStore {
  static final String ARK = "ark.pem";
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private SimulatedAuthorityStore() {}

  static void save(SimulatedAmdAuthority a, Path dir) throws IOException {
    Files.createDirectories(dir);
    SimulatedAmdAuthority.KeyMaterial k = a.keys();
    writeCert(dir, "ark", k.ark(), k.arkKey());
    writeCert(dir, "ask", k.ask(), k.askKey());
    writeCert(dir, "vcek", k.vcek(), k.vcekKey());
    if (k.vlek() != null) {
      writeCert(dir, "asvk", k.asvk(), k.asvkKey());
      writeCert(dir, "vlek", k.vlek(), k.vlekKey());
    }
    Properties p = new Properties();
    p.setProperty("product", a.productLine().kdsName());
    p.setProperty("tcb", a.tcb().hex());
    p.setProperty("chip_id", Hex.encode(a.chipId()));
    try (Writer w = Files.newBufferedWriter(dir.resolve("authority.properties"), StandardCharsets.UTF_8)) {
      p.store(w, "gpucc SIMULATED AMD authority - not a hardware root of trust");
    }
  }

  static SimulatedAmdAuthority load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("authority.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    SnpProductLine line = SnpProductLine.fromName(p.getProperty("product", ""))
        .orElseThrow(() -> new IOException("authority.properties: unknown product " + p.getProperty("product")));
    TcbVersion tcb;
    byte[] chipId;
    try {
      tcb = TcbVersion.ofRaw(Hex.decode(p.getProperty("tcb", "")));
      chipId = Hex.decode(p.getProperty("chip_id", ""), 64, "chip_id");
    } catch (IllegalArgumentException e) {
      throw new IOException("authority.properties: " + e.getMessage(), e);
    }
    boolean vlek = Files.exists(dir.resolve("vlek.pem"));
    SimulatedAmdAuthority.KeyMaterial k = new SimulatedAmdAuthority.KeyMaterial(
        key(dir, "ark", "RSA"), cert(dir, "ark"), key(dir, "ask", "RSA"), cert(dir, "ask"),
        key(dir, "vcek", "EC"), cert(dir, "vcek"),
        vlek ? key(dir, "asvk", "RSA") : null, vlek ? cert(dir, "asvk") : null,
        vlek ? key(dir, "vlek", "EC") : null, vlek ? cert(dir, "vlek") : null);
    return new SimulatedAmdAuthority(line, tcb, chipId, k);
  }

  private static void writeCert(Path dir, String name, X509Certificate cert, PrivateKey key)
      throws IOException {
    Files.writeString(dir.resolve(name + ".pem"), CertificateFiles.toPem(List.of(cert)));
    Path keyFile = dir.resolve(name + ".key");
    Files.deleteIfExists(keyFile);
    try {
      Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(keyFile);
    }
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(keyFile, pem);
  }

  private static X509Certificate cert(Path dir, String name) throws IOException {
    try {
      return CertificateFiles.parseOne(Files.readAllBytes(dir.resolve(name + ".pem")));
    } catch (CertificateException e) {
      throw new IOException("not a certificate: " + dir.resolve(name + ".pem"), e);
    }
  }

  private static PrivateKey key(Path dir, String name, String alg) throws IOException {
    String text = Files.readString(dir.resolve(name + ".key"));
    Matcher m = PEM_KEY.matcher(text);
    if (!m.find()) {
      throw new IOException("no PKCS#8 PEM private key in " + dir.resolve(name + ".key"));
    }
    try {
      return KeyFactory.getInstance(alg)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("cannot read private key " + dir.resolve(name + ".key"), e);
    }
  }
}
