package kz.qatysu.platform.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML digital signatures (XML-DSig) with Apache Santuario: RSA-SHA256 over exclusive canonical XML, SHA-256
 * digests, the signing certificate in {@code KeyInfo}. Two shapes:
 * <ul>
 * <li>{@link #sign} — an enveloped signature over the whole document, appended to the document element (results
 * protocols); checked with {@link #verify};</li>
 * <li>{@link #signElements} — a signature over elements named by their {@code Id} attribute, placed where the caller
 * says (a SOAP header signing the body); checked with {@link #verifyElements}, which also makes sure that the
 * references point at exactly the elements the caller expects (no signature wrapping).</li>
 * </ul>
 * Verification accepts only these algorithms and only the trusted certificate; Santuario's secure validation is on.
 * Documents from outside are parsed with {@link SecureXml}.
 */
public final class XmlSignatures {

    /** The XML-DSig namespace. */
    public static final String DSIG_NS = Constants.SignatureSpecNS;
    /** The unqualified attribute that names a signed element. */
    public static final String ID_ATTRIBUTE = "Id";

    private static final String SIGNATURE_METHOD = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    private static final String C14N = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private static final String DIGEST = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
    private static final String ENVELOPED = Transforms.TRANSFORM_ENVELOPED_SIGNATURE;
    private static final String EXCLUSIVE_C14N = Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS;

    static {
        Init.init();
    }

    private XmlSignatures() {
    }

    /** Adds an enveloped signature over the whole document as the last child of the document element. */
    public static void sign(Document doc, SigningKeys keys) {
        if (!signatures(doc).isEmpty()) {
            throw new IllegalArgumentException("The document is signed already");
        }
        try {
            XMLSignature signature = new XMLSignature(doc, "", SIGNATURE_METHOD, C14N);
            doc.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(ENVELOPED);
            transforms.addTransform(EXCLUSIVE_C14N);
            signature.addDocument("", transforms, DIGEST);
            finish(signature, keys);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("The document could not be signed: " + e.getMessage(), e);
        }
    }

    /**
     * Signs one element named by its {@code Id} attribute; the signature is appended to {@code signatureParent}.
     *
     * @return the {@code ds:Signature} element
     */
    public static Element signElement(Document doc, Element target, Element signatureParent, SigningKeys keys) {
        return signElements(doc, List.of(target), signatureParent, keys);
    }

    /**
     * Signs elements named by their {@code Id} attributes (unique in the document) with one signature, appended to
     * {@code signatureParent} (for SOAP: the header, signing the body's content and the message information).
     *
     * @return the {@code ds:Signature} element
     */
    public static Element signElements(Document doc, List<Element> targets, Element signatureParent,
                                       SigningKeys keys) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Nothing to sign");
        }
        if (signatureParent.getOwnerDocument() != doc) {
            throw new IllegalArgumentException("The signature's place is not in the document");
        }
        List<String> ids = new ArrayList<>();
        for (Element target : targets) {
            if (target.getOwnerDocument() != doc) {
                throw new IllegalArgumentException("A signed element is not in the document");
            }
            String id = target.getAttributeNS(null, ID_ATTRIBUTE);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("Element " + target.getLocalName() + " has no Id attribute");
            }
            if (countElementsWithId(doc, id) != 1 || ids.contains(id)) {
                throw new IllegalArgumentException("Id '" + id + "' is not unique in the document");
            }
            target.setIdAttributeNS(null, ID_ATTRIBUTE, true);
            ids.add(id);
        }
        try {
            XMLSignature signature = new XMLSignature(doc, "", SIGNATURE_METHOD, C14N);
            signatureParent.appendChild(signature.getElement());
            for (int i = 0; i < targets.size(); i++) {
                Transforms transforms = new Transforms(doc);
                if (isWithin(signature.getElement(), targets.get(i))) {
                    transforms.addTransform(ENVELOPED);
                }
                transforms.addTransform(EXCLUSIVE_C14N);
                signature.addDocument("#" + ids.get(i), transforms, DIGEST);
            }
            finish(signature, keys);
            return signature.getElement();
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("The elements could not be signed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the enveloped signature of a document: exactly one signature, a child of the document element, over
     * the whole document, with the expected algorithms, carrying and verified with the trusted certificate. Any
     * change to signed text, attributes or structure makes it fail.
     */
    public static Verification verify(Document doc, X509Certificate trusted) {
        List<Element> found = signatures(doc);
        if (found.size() != 1) {
            return Verification.failed("expected one signature, found " + found.size());
        }
        Element element = found.get(0);
        if (element.getParentNode() != doc.getDocumentElement()) {
            return Verification.failed("the signature is not a child of the document element");
        }
        try {
            XMLSignature signature = new XMLSignature(element, "", true);
            Verification common = checkAlgorithmsAndCertificate(signature, trusted);
            if (!common.valid()) {
                return common;
            }
            SignedInfo signedInfo = signature.getSignedInfo();
            if (signedInfo.getLength() != 1) {
                return Verification.failed("expected one reference, found " + signedInfo.getLength());
            }
            Reference reference = signedInfo.item(0);
            if (!"".equals(reference.getURI())) {
                return Verification.failed("the signature does not cover the whole document");
            }
            Verification transforms = checkReference(reference, true);
            if (!transforms.valid()) {
                return transforms;
            }
            return checkValue(signature, trusted);
        } catch (XMLSecurityException e) {
            return Verification.failed("signature not valid: " + e.getMessage());
        }
    }

    /**
     * Checks the one signature of a document over the {@code expected} elements: its references are exactly the
     * {@code Id}s of those elements, each {@code Id} occurs once in the document, the algorithms are the expected
     * ones, and it carries and verifies with the trusted certificate.
     */
    public static Verification verifyElements(Document doc, List<Element> expected, X509Certificate trusted) {
        List<Element> found = signatures(doc);
        if (found.size() != 1) {
            return Verification.failed("expected one signature, found " + found.size());
        }
        Set<String> expectedUris = new HashSet<>();
        for (Element element : expected) {
            String id = element.getAttributeNS(null, ID_ATTRIBUTE);
            if (id.isEmpty()) {
                return Verification.failed("element " + element.getLocalName() + " has no Id attribute");
            }
            if (countElementsWithId(doc, id) != 1 || !expectedUris.add("#" + id)) {
                return Verification.failed("Id '" + id + "' is not unique in the document");
            }
            element.setIdAttributeNS(null, ID_ATTRIBUTE, true);
        }
        try {
            XMLSignature signature = new XMLSignature(found.get(0), "", true);
            Verification common = checkAlgorithmsAndCertificate(signature, trusted);
            if (!common.valid()) {
                return common;
            }
            SignedInfo signedInfo = signature.getSignedInfo();
            Set<String> signedUris = new HashSet<>();
            for (int i = 0; i < signedInfo.getLength(); i++) {
                Reference reference = signedInfo.item(i);
                if (!signedUris.add(reference.getURI())) {
                    return Verification.failed("reference " + reference.getURI() + " occurs twice");
                }
                Verification transforms = checkReference(reference, false);
                if (!transforms.valid()) {
                    return transforms;
                }
            }
            if (!signedUris.equals(expectedUris)) {
                return Verification.failed("the signature covers " + signedUris + ", expected " + expectedUris);
            }
            return checkValue(signature, trusted);
        } catch (XMLSecurityException e) {
            return Verification.failed("signature not valid: " + e.getMessage());
        }
    }

    /** Lower-case hex SHA-256 of the document's exclusive canonical form (without comments). */
    public static String digest(Document doc) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                Canonicalizer.getInstance(C14N).canonicalizeSubtree(doc, out);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        } catch (XMLSecurityException | IOException e) {
            throw new IllegalStateException("The document could not be canonicalised: " + e.getMessage(), e);
        }
    }

    private static void finish(XMLSignature signature, SigningKeys keys) throws XMLSecurityException {
        signature.addKeyInfo(keys.certificate());
        signature.sign(keys.privateKey());
    }

    private static Verification checkAlgorithmsAndCertificate(XMLSignature signature, X509Certificate trusted)
            throws XMLSecurityException {
        SignedInfo signedInfo = signature.getSignedInfo();
        if (!SIGNATURE_METHOD.equals(signedInfo.getSignatureMethodURI())) {
            return Verification.failed("signature method " + signedInfo.getSignatureMethodURI() + " not accepted");
        }
        if (!C14N.equals(signedInfo.getCanonicalizationMethodURI())) {
            return Verification.failed("canonicalisation " + signedInfo.getCanonicalizationMethodURI()
                    + " not accepted");
        }
        KeyInfo keyInfo = signature.getKeyInfo();
        X509Certificate carried = keyInfo == null ? null : keyInfo.getX509Certificate();
        if (carried == null) {
            return Verification.failed("the signature carries no X.509 certificate");
        }
        if (!carried.equals(trusted)) {
            return Verification.failed("signed with certificate " + carried.getSubjectX500Principal().getName()
                    + ", which is not the trusted one");
        }
        return Verification.ok();
    }

    private static Verification checkReference(Reference reference, boolean enveloped) throws XMLSecurityException {
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        if (!DIGEST.equals(digest)) {
            return Verification.failed("digest " + digest + " not accepted");
        }
        Transforms transforms = reference.getTransforms();
        List<String> uris = new ArrayList<>();
        for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
            uris.add(transforms.item(i).getURI());
        }
        boolean accepted = enveloped
                ? uris.equals(List.of(ENVELOPED, EXCLUSIVE_C14N))
                : uris.equals(List.of(EXCLUSIVE_C14N)) || uris.equals(List.of(ENVELOPED, EXCLUSIVE_C14N));
        return accepted ? Verification.ok() : Verification.failed("transforms " + uris + " not accepted");
    }

    private static Verification checkValue(XMLSignature signature, X509Certificate trusted)
            throws XMLSecurityException {
        return signature.checkSignatureValue(trusted.getPublicKey())
                ? Verification.ok()
                : Verification.failed("signature value or digest does not match the signed content");
    }

    private static List<Element> signatures(Document doc) {
        NodeList list = doc.getElementsByTagNameNS(DSIG_NS, "Signature");
        List<Element> elements = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    private static int countElementsWithId(Document doc, String id) {
        int count = 0;
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttributeNS(null, ID_ATTRIBUTE))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWithin(Node node, Element ancestor) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
