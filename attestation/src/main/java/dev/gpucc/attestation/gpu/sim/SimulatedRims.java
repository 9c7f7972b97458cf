package dev.gpucc.attestation.gpu.sim;

import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.gpu.rim.RimParser;
import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes RIMs for simulated GPUs in NVIDIA's format (SWID tag, enveloped XML-DSig with
 * ECDSA-SHA384 and C14N 1.1, signer chain in KeyInfo/X509Data) so that the simulated path also
 * exercises the RIM parser, signature check and comparison. VBIOS RIM: active indices 0..31;
 * driver RIM: active 32..63 (SPDM blocks 1..32 and 33..64).
 */
final class SimulatedRims {
  static final int SPLIT = 32;

  private SimulatedRims() {}

  static byte[] vbios(PrivateKey key, List<X509Certificate> chain) {
    return build(SimulatedSpdm.VBIOS_VERSION, 0, SPLIT, key, chain);
  }

  static byte[] driver(PrivateKey key, List<X509Certificate> chain) {
    return build(SimulatedSpdm.DRIVER_VERSION, SPLIT, SimulatedSpdm.BLOCKS, key, chain);
  }

  private static byte[] build(String version, int from, int to, PrivateKey key, List<X509Certificate> chain) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document doc = f.newDocumentBuilder().newDocument();
      Element root = doc.createElementNS(RimParser.SWID_NS, "SoftwareIdentity");
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", RimParser.SWID_NS);
      root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ns2", RimParser.SHA384_NS);
      root.setAttribute("name", "GH100");
      root.setAttribute("tagId", "gpucc-simulated-" + version);
      root.setAttribute("version", "1.0");
      doc.appendChild(root);
      Element meta = doc.createElementNS(RimParser.SWID_NS, "Meta");
      meta.setAttribute("colloquialVersion", version);
      meta.setAttribute("product", "GH100 (gpucc simulated)");
      root.appendChild(meta);
      Element payload = doc.createElementNS(RimParser.SWID_NS, "Payload");
      root.appendChild(payload);
      for (int i = 0; i < SimulatedSpdm.BLOCKS; i++) {
        boolean active = i >= from && i < to;
        Element r = doc.createElementNS(RimParser.SWID_NS, "Resource");
        r.setAttribute("type", "Measurement");
        r.setAttribute("index", Integer.toString(i));
        r.setAttribute("active", active ? "True" : "False");
        r.setAttribute("alternatives", "1");
        r.setAttributeNS(RimParser.SHA384_NS, "ns2:Hash0",
            active ? Hex.encode(SimulatedSpdm.measurement(i + 1)) : "00".repeat(48));
        r.setAttribute("name", String.format(Locale.ROOT, "Measurement_%d", i));
        r.setAttribute("size", "48");
        payload.appendChild(r);
      }
      // Sign the document as a verifier will see it: serialize, parse back, then sign.
      Document parsed = RimParser.parseXml(serialize(doc));
      sign(parsed, key, chain);
      return serialize(parsed);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make simulated RIM", e);
    }
  }

  private static byte[] serialize(Document doc) throws Exception {
    Transformer t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(OutputKeys.INDENT, "no");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  private static void sign(Document doc, PrivateKey key, List<X509Certificate> chain) throws Exception {
    String c14n11 = CanonicalizationMethod.INCLUSIVE_11;
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    Reference ref = fac.newReference("", fac.newDigestMethod(DigestMethod.SHA384, null),
        List.of(fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
            fac.newTransform(c14n11, (TransformParameterSpec) null)), null, null);
    SignedInfo si = fac.newSignedInfo(
        fac.newCanonicalizationMethod(c14n11, (C14NMethodParameterSpec) null),
        fac.newSignatureMethod(SignatureMethod.ECDSA_SHA384, null), List.of(ref));
    KeyInfoFactory kif = fac.getKeyInfoFactory();
    KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.copyOf(chain))));
    fac.newXMLSignature(si, ki).sign(new DOMSignContext(key, doc.getDocumentElement()));
  }
}
