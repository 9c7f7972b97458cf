package dev.gpucc.attestation.gpu.rim;

import dev.gpucc.attestation.AttestationVerificationException;
import dev.gpucc.attestation.ChainVerifier;
import dev.gpucc.attestation.CertificateFiles;
import dev.gpucc.attestation.EvidenceFormatException;
import dev.gpucc.attestation.SimulatedRoots;
import dev.gpucc.attestation.VerifyOptions;
import dev.gpucc.attestation.gpu.verify.GpuCodes;
import dev.gpucc.attestation.gpu.verify.NvidiaRoots;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.KeySelector;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies a RIM's enveloped XML-DSig (evidence-formats §4.8): exactly one {@code Signature},
 * child of the root; one Reference with {@code URI=""} (the whole document) and the transforms
 * enveloped-signature + C14N 1.1; ECDSA-SHA384 and SHA-384 digests. The key is the first
 * {@code X509Certificate} of KeyInfo; the embedded chain's last certificate is replaced by the
 * pinned NVIDIA CoRIM signing root (as nvtrust does) and every certificate must be valid at
 * {@code options.at()}.
 *
 * <p>The XML-DSig engine is the JDK's ({@code javax.xml.crypto.dsig}, with secure validation
 * on); it uses the JDK's ECDSA, the one place where the provider is not Bouncy Castle.
 */
public final class RimSignatureVerifier {
  private static final String C14N11 = "http://www.w3.org/2006/12/xml-c14n11";
  private static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
  private static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";

  private RimSignatureVerifier() {}

  /**
   * Verifies signature and chain and returns the parsed RIM.
   *
   * @throws AttestationVerificationException GPU_RIM_MALFORMED, GPU_RIM_SIGNATURE_INVALID,
   *     GPU_RIM_UNKNOWN_ROOT or a GPU_RIM_CHAIN_* / GPU_RIM_CERT_* code
   */
  public static RimDocument verify(byte[] xml, VerifyOptions options)
      throws AttestationVerificationException {
    Document doc;
    RimDocument rim;
    try {
      doc = RimParser.parseXml(xml);
      rim = RimParser.fromDom(doc);
    } catch (EvidenceFormatException e) {
      throw e.asVerificationFailure();
    }
    Element sigElement = signatureElement(doc);
    List<X509Certificate> chain = embeddedChain(sigElement);
    checkSignature(sigElement, chain.get(0));
    verifyChain(chain, options);
    return rim;
  }

  private static Element signatureElement(Document doc) throws AttestationVerificationException {
    NodeList sigs = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    if (sigs.getLength() != 1) {
      throw invalid("expected exactly one ds:Signature, found " + sigs.getLength());
    }
    Element sig = (Element) sigs.item(0);
    if (sig.getParentNode() != doc.getDocumentElement()) {
      throw invalid("ds:Signature is not a child of the root element (not enveloped)");
    }
    return sig;
  }

  private static List<X509Certificate> embeddedChain(Element sig) throws AttestationVerificationException {
    NodeList certs = sig.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (int i = 0; i < certs.getLength(); i++) {
        byte[] der = Base64.getMimeDecoder().decode(certs.item(i).getTextContent().trim());
        chain.add(CertificateFiles.parseOne(der));
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw new AttestationVerificationException(GpuCodes.RIM_MALFORMED, "RIM KeyInfo certificate does not parse: " + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new AttestationVerificationException(GpuCodes.RIM_MALFORMED, "RIM KeyInfo has no X509Certificate");
    }
    return chain;
  }

  private static void checkSignature(Element sigElement, X509Certificate signer)
      throws AttestationVerificationException {
    try {
      XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
      DOMValidateContext ctx =
          new DOMValidateContext(KeySelector.singletonKeySelector(signer.getPublicKey()), sigElement);
      ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
      XMLSignature sig = fac.unmarshalXMLSignature(ctx);
      String cm = sig.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
      String sm = sig.getSignedInfo().getSignatureMethod().getAlgorithm();
      if (!C14N11.equals(cm) || !ECDSA_SHA384.equals(sm)) {
        throw invalid("unexpected algorithms: canonicalization " + cm + ", signature " + sm);
      }
      List<?> refs = sig.getSignedInfo().getReferences();
      if (refs.size() != 1) {
        throw invalid("expected one Reference, found " + refs.size());
      }
      Reference ref = (Reference) refs.get(0);
      if (!"".equals(ref.getURI()) || !SHA384.equals(ref.getDigestMethod().getAlgorithm())) {
        throw invalid("Reference must be URI=\"\" with SHA-384 (got URI=" + ref.getURI() + ")");
      }
      List<String> transforms = new ArrayList<>();
      for (Object t : ref.getTransforms()) {
        transforms.add(((Transform) t).getAlgorithm());
      }
      if (!transforms.equals(List.of(Transform.ENVELOPED, C14N11))) {
        throw invalid("unexpected transforms " + transforms);
      }
      if (!sig.validate(ctx)) {
        boolean refOk = ref.validate(ctx);
        throw invalid(refOk
            ? "SignatureValue does not verify with the key of '" + ChainVerifier.subject(signer) + "'"
            : "document digest differs from the signed DigestValue (content changed)");
      }
    } catch (MarshalException | XMLSignatureException | RuntimeException e) {
      throw invalid("XML signature cannot be processed: " + e.getMessage());
    }
  }

  private static void verifyChain(List<X509Certificate> embedded, VerifyOptions options)
      throws AttestationVerificationException {
    X509Certificate supplied = embedded.get(embedded.size() - 1);
    List<X509Certificate> chain = new ArrayList<>(embedded.subList(0, embedded.size() - 1));
    X509Certificate root;
    if (SimulatedRoots.isSimulated(supplied)) {
      SimulatedRoots.checkTrusted(supplied, options);
      root = supplied;
    } else {
      root = NvidiaRoots.corimSigningRoot();
    }
    chain.add(root);
    if (chain.size() >= 2) {
      X509Certificate top = chain.get(chain.size() - 2);
      if (!top.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
        throw new AttestationVerificationException(
            GpuCodes.RIM_UNKNOWN_ROOT,
            "RIM signing chain does not lead to the pinned NVIDIA CoRIM signing Root CA: '"
                + ChainVerifier.subject(top) + "' is issued by '" + top.getIssuerX500Principal().getName() + "'");
      }
    }
    ChainVerifier.verify(chain, options.at(), options, GpuCodes.RIM_PREFIX);
  }

  private static AttestationVerificationException invalid(String msg) {
    return new AttestationVerificationException(GpuCodes.RIM_SIGNATURE_INVALID, "RIM signature: " + msg);
  }
}
