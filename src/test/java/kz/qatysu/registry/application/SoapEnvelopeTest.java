package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kz.qatysu.platform.signing.SecureXml;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.platform.signing.Verification;
import kz.qatysu.platform.signing.XmlSignatures;
import kz.qatysu.registry.domain.AllocationNoticeXml;
import kz.qatysu.registry.domain.MalformedMessage;
import kz.qatysu.registry.domain.Notices;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoapEnvelopeTest {

    private final SigningKeys keys = TestKeystores.platform();

    @Test
    void theRequestCarriesTheMessageHeaderAndTheNoticeBothSigned() {
        Document sent = SoapEnvelope.request("alloc-12-v1-sg", Instant.parse("2026-05-04T11:00:00Z"), "qatysu",
                Notices.notice(12, 1), keys);

        SoapEnvelope.Request request = SoapEnvelope.readRequest(SecureXml.parse(SecureXml.write(sent)));

        assertThat(request.messageId()).isEqualTo("alloc-12-v1-sg");
        assertThat(request.messageDate()).isEqualTo(Instant.parse("2026-05-04T11:00:00Z"));
        assertThat(request.senderId()).isEqualTo("qatysu");
        assertThat(request.messageKind()).isEqualTo("allocation");
        assertThat(AllocationNoticeXml.fromElement(request.notice())).isEqualTo(Notices.notice(12, 1));
        assertThat(XmlSignatures.verifyElements(request.document(), request.signedElements(), keys.certificate()))
                .isEqualTo(Verification.ok());
    }

    @Test
    void theSignatureSitsInTheHeader() {
        String xml = new String(SecureXml.write(SoapEnvelope.request("k1", Instant.EPOCH, "qatysu",
                Notices.notice(12, 1), keys)), StandardCharsets.UTF_8);

        assertThat(xml.indexOf("<ds:Signature")).isBetween(xml.indexOf("<soap:Header>"), xml.indexOf("</soap:Header>"));
        assertThat(xml).contains("URI=\"#message-header\"", "URI=\"#notice\"");
    }

    @Test
    void aChangedMessageIdBreaksTheSignature() {
        String xml = new String(SecureXml.write(SoapEnvelope.request("k1", Instant.EPOCH, "qatysu",
                Notices.notice(12, 1), keys)), StandardCharsets.UTF_8).replace(">k1<", ">k2<");

        SoapEnvelope.Request request = SoapEnvelope.readRequest(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(XmlSignatures.verifyElements(request.document(), request.signedElements(), keys.certificate())
                .valid()).isFalse();
    }

    @Test
    void readsAcknowledgementsAndFaultsOfBothSoapVersions() {
        assertThat(SoapEnvelope.readAnswer(SoapEnvelope.acknowledgement("k1", SoapEnvelope.RECEIVED)))
                .isEqualTo(new SoapEnvelope.Acknowledgement("k1", "RECEIVED"));
        assertThat(SoapEnvelope.readAnswer(reparse(SoapEnvelope.fault(true, "bad notice"))))
                .isEqualTo(new SoapEnvelope.Fault("Sender", "bad notice"));
        String soap11 = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
                + "<faultcode>S:Server</faultcode><faultstring>database down</faultstring></S:Fault></S:Body>"
                + "</S:Envelope>";
        SoapEnvelope.Answer answer = SoapEnvelope.readAnswer(SecureXml.parse(soap11.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer).isEqualTo(new SoapEnvelope.Fault("Server", "database down"));
        assertThat(((SoapEnvelope.Fault) answer).isReceiverFault()).isTrue();
    }

    @Test
    void somethingElseIsNoAnswer() {
        Document html = SecureXml.parse("<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SoapEnvelope.readAnswer(html)).isInstanceOf(MalformedMessage.class);
    }

    private static Document reparse(Document doc) {
        return SecureXml.parse(SecureXml.write(doc));
    }
}
