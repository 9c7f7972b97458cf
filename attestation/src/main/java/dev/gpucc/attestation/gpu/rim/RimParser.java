package dev.gpucc.attestation.gpu.rim;

import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.Hex;
import dev.gpucc.attestation.gpu.verify.GpuCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Parses NVIDIA RIM SWID tags. The XML parser is hardened: DTDs (DOCTYPE) are refused outright,
 * external entities and XInclude are off, secure processing is on, so a RIM cannot make the
 * verifier read files or the network. Throws only {@link EvidenceFormatException} (fuzzed).
 */
public final class RimParser {
  public static final String SWID_NS = "http://standards.iso.org/iso/19770/-2/2015/schema.xsd";
  public static final String SHA384_NS = "http://www.w3.org/2001/04/xmlenc#sha384";
  /** Upper bound on alternatives per measurement: keeps hostile input from blowing up. */
  private static final int MAX_ALTERNATIVES = 64;

  private RimParser() {}

  /** Parses XML with the hardened settings (namespace-aware, no DTD, no external access). */
  public static Document parseXml(byte[] xml) throws EvidenceFormatException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser lacks a required security feature", e);
    } catch (SAXException | IOException | RuntimeException e) {
      throw new EvidenceFormatException(GpuCodes.RIM_MALFORMED, "RIM is not well-formed XML: " + e.getMessage());
    }
  }

  public static RimDocument parse(byte[] xml) throws EvidenceFormatException {
    return fromDom(parseXml(xml));
  }

  static RimDocument fromDom(Document doc) throws EvidenceFormatException {
    Element root = doc.getDocumentElement();
    if (!SWID_NS.equals(root.getNamespaceURI()) || !"SoftwareIdentity".equals(root.getLocalName())) {
      throw malformed("root element is not a SWID SoftwareIdentity");
    }
    Element meta = single(root, "Meta");
    String version = meta.getAttribute("colloquialVersion");
    if (version.isEmpty()) {
      throw malformed("Meta has no colloquialVersion");
    }
    Element payload = single(root, "Payload");
    NodeList resources = payload.getElementsByTagNameNS(SWID_NS, "Resource");
    List<RimMeasurement> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < resources.getLength(); i++) {
      Element r = (Element) resources.item(i);
      if (!"Measurement".equals(r.getAttribute("type"))) {
        continue;
      }
      RimMeasurement m = measurement(r);
      if (!seen.add(m.index())) {
        throw malformed("measurement index " + m.index() + " occurs twice");
      }
      out.add(m);
    }
    return new RimDocument(root.getAttribute("tagId"), meta.getAttribute("product"), version, out);
  }

  private static RimMeasurement measurement(Element r) throws EvidenceFormatException {
    int index = integer(r, "index");
    int size = integer(r, "size");
    int n = integer(r, "alternatives");
    String active = r.getAttribute("active");
    if (!active.equals("True") && !active.equals("False")) {
      throw malformed("measurement " + index + ": active='" + active + "' (expected True or False)");
    }
    if (n < 1 || n > MAX_ALTERNATIVES) {
      throw malformed("measurement " + index + ": alternatives=" + n);
    }
    List<byte[]> hashes = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String h = r.getAttributeNS(SHA384_NS, "Hash" + k);
      if (h.isEmpty()) {
        throw malformed("measurement " + index + ": Hash" + k + " missing (alternatives=" + n + ")");
      }
      try {
        hashes.add(Hex.decode(h));
      } catch (IllegalArgumentException e) {
        throw malformed("measurement " + index + ": Hash" + k + " is not hex");
      }
    }
    return new RimMeasurement(index, active.equals("True"), size, r.getAttribute("name"), hashes);
  }

  private static int integer(Element e, String attr) throws EvidenceFormatException {
    String v = e.getAttribute(attr);
    try {
      int x = Integer.parseInt(v);
      if (x < 0) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException ex) {
      throw malformed("Resource attribute " + attr + "='" + v + "' is not a non-negative integer");
    }
  }

  private static Element single(Element root, String local) throws EvidenceFormatException {
    NodeList l = root.getElementsByTagNameNS(SWID_NS, local);
    if (l.getLength() != 1) {
      throw malformed("expected one " + local + " element, found " + l.getLength());
    }
    return (Element) l.item(0);
  }

  private static EvidenceFormatException malformed(String msg) {
    return new EvidenceFormatException(GpuCodes.RIM_MALFORMED, "RIM: " + msg);
  }
}
