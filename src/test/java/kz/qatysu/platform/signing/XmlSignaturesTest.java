package kz.qatysu.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlSignaturesTest {

    private static final String PROTOCOL = "<protocol xmlns=\"urn:kz:qatysu:protocol:1\" round=\"12\">"
            + "<title>Бюджет участия 2026</title><funded amount=\"1500000.00\">Саябақ</funded></protocol>";
    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<s:Header><m:Info xmlns:m=\"urn:m\" Id=\"info\"><m:Id>key-1</m:Id></m:Info></s:Header>"
            + "<s:Body><n:Notice xmlns:n=\"urn:n\" Id=\"notice\"><n:Amount>100.00</n:Amount></n:Notice></s:Body>"
            + "</s:Envelope>";

    private final SigningKeys keys = TestKeystores.platform();

    @Test
    void aSignedDocumentVerifiesAfterATripThroughText() {
        Document doc = parse(PROTOCOL);

        XmlSignatures.sign(doc, keys);
        Document received = SecureXml.parse(SecureXml.write(doc));

        assertThat(XmlSignatures.verify(received, keys.certificate())).isEqualTo(Verification.ok());
        assertThat(received.getDocumentElement().getLastChild().getLocalName()).isEqualTo("Signature");
    }

    @Test
    void theSignatureUsesRsaSha256ExclusiveC14nAndCarriesTheCertificate() {
        Document doc = parse(PROTOCOL);

        XmlSignatures.sign(doc, keys);
        String xml = new String(SecureXml.write(doc), StandardCharsets.UTF_8);

        assertThat(xml).contains("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/2001/04/xmlenc#sha256",
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "X509Certificate");
    }

    @Test
    void changingSignedTextFailsVerification() {
        Document doc = parse(PROTOCOL);
        XmlSignatures.sign(doc, keys);
        String tampered = new String(SecureXml.write(doc), StandardCharsets.UTF_8).replace("Саябақ", "Стадион");

        Verification verification = XmlSignatures.verify(parse(tampered), keys.certificate());

        assertThat(verification.valid()).isFalse();
    }

    @Test
    void changingASignedAttributeFailsVerification() {
        Document doc = parse(PROTOCOL);
        XmlSignatures.sign(doc, keys);
        String tampered = new String(SecureXml.write(doc), StandardCharsets.UTF_8)
                .replace("amount=\"1500000.00\"", "amount=\"9500000.00\"");

        assertThat(XmlSignatures.verify(parse(tampered), keys.certificate()).valid()).isFalse();
    }

    @Test
    void anotherCertificateIsNotTrusted() {
        Document doc = parse(PROTOCOL);
        XmlSignatures.sign(doc, keys);

        Verification verification = XmlSignatures.verify(doc, TestKeystores.stranger().certificate());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("not the trusted one");
    }

    @Test
    void aDocumentSignedByAStrangerIsRefused() {
        Document doc = parse(PROTOCOL);
        XmlSignatures.sign(doc, TestKeystores.stranger());

        assertThat(XmlSignatures.verify(doc, keys.certificate()).valid()).isFalse();
    }

    @Test
    void anUnsignedDocumentIsRefused() {
        assertThat(XmlSignatures.verify(parse(PROTOCOL), keys.certificate()))
                .isEqualTo(Verification.failed("expected one signature, found 0"));
    }

    @Test
    void signedElementsVerifyWithTheSignatureWhereTheCallerPutIt() {
        Document doc = parse(ENVELOPE);
        Element header = (Element) doc.getDocumentElement().getFirstChild();

        XmlSignatures.signElements(doc, List.of(info(doc), notice(doc)), header, keys);
        Document received = SecureXml.parse(SecureXml.write(doc));

        assertThat(header.getLastChild().getLocalName()).isEqualTo("Signature");
        assertThat(XmlSignatures.verifyElements(received, List.of(info(received), notice(received)),
                keys.certificate())).isEqualTo(Verification.ok());
    }

    @Test
    void changingASignedElementsTextFailsVerification() {
        Document doc = parse(ENVELOPE);
        XmlSignatures.signElement(doc, notice(doc), (Element) doc.getDocumentElement().getFirstChild(), keys);
        Document tampered = parse(new String(SecureXml.write(doc), StandardCharsets.UTF_8)
                .replace("100.00", "900.00"));

        assertThat(XmlSignatures.verifyElements(tampered, List.of(notice(tampered)), keys.certificate()).valid())
                .isFalse();
    }

    @Test
    void aSignatureOverOtherElementsThanExpectedIsRefused() {
        Document doc = parse(ENVELOPE);
        XmlSignatures.signElement(doc, info(doc), (Element) doc.getDocumentElement().getFirstChild(), keys);

        Verification verification = XmlSignatures.verifyElements(doc, List.of(info(doc), notice(doc)),
                keys.certificate());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("covers [#info]");
    }

    @Test
    void aSignedElementMovedAsideForAForgedOneIsRefused() {
        Document doc = parse(ENVELOPE);
        XmlSignatures.signElement(doc, notice(doc), (Element) doc.getDocumentElement().getFirstChild(), keys);
        String signed = new String(SecureXml.write(doc), StandardCharsets.UTF_8);
        String original = signed.substring(signed.indexOf("<n:Notice"), signed.indexOf("</s:Body>"));
        String wrapped = signed.replace("<s:Body>" + original,
                "<s:Body><n:Notice xmlns:n=\"urn:n\" Id=\"notice\"><n:Amount>900.00</n:Amount></n:Notice>"
                        + "<n:Hidden xmlns:n=\"urn:n\">" + original + "</n:Hidden>");
        Document forged = parse(wrapped);
        Element forgedNotice = (Element) forged.getElementsByTagNameNS("urn:n", "Notice").item(0);

        Verification verification = XmlSignatures.verifyElements(forged, List.of(forgedNotice), keys.certificate());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("not unique");
    }

    @Test
    void signingAnElementWithoutIdIsAMistake() {
        Document doc = parse(ENVELOPE);

        assertThatThrownBy(() -> XmlSignatures.signElement(doc, doc.getDocumentElement(),
                doc.getDocumentElement(), keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Id attribute");
    }

    @Test
    void theDigestIsTheSameForEquivalentTextsAndDiffersForOtherContent() {
        String reordered = "<protocol round=\"12\" xmlns=\"urn:kz:qatysu:protocol:1\">"
                + "<title>Бюджет участия 2026</title><funded amount='1500000.00'>Саябақ</funded></protocol>";

        String digest = XmlSignatures.digest(parse(PROTOCOL));

        assertThat(digest).matches("[0-9a-f]{64}");
        assertThat(XmlSignatures.digest(parse(reordered))).isEqualTo(digest);
        assertThat(XmlSignatures.digest(parse(PROTOCOL.replace("2026", "2027")))).isNotEqualTo(digest);
    }

    private static Document parse(String xml) {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Element info(Document doc) {
        return (Element) doc.getElementsByTagNameNS("urn:m", "Info").item(0);
    }

    private static Element notice(Document doc) {
        return (Element) doc.getElementsByTagNameNS("urn:n", "Notice").item(0);
    }
}
