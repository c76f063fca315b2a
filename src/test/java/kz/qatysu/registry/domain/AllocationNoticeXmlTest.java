package kz.qatysu.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import kz.qatysu.platform.signing.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AllocationNoticeXmlTest {

    @Test
    void aNoticeSurvivesTheRoundTripThroughText() {
        AllocationNotice notice = Notices.notice(12, 2);
        Document doc = SecureXml.newDocument();
        doc.appendChild(AllocationNoticeXml.toElement(doc, notice));

        Document received = SecureXml.parse(SecureXml.write(doc));

        assertThat(AllocationNoticeXml.fromElement(received.getDocumentElement())).isEqualTo(notice);
    }

    @Test
    void writesOneElementPerMemberInTheNoticeNamespace() {
        String xml = xml(Notices.notice(12, 2));

        assertThat(xml).contains("<allocationNotice xmlns=\"urn:kz:qatysu:registry:allocation:1\">"
                + "<messageKind>allocation</messageKind><roundId>12</roundId><version>2</version>");
        assertThat(xml).contains("<project><proposalId>101</proposalId><title>Саябақ «Жас Қанат»</title>");
        assertThat(xml).contains("<amount>30000000.50</amount><votes>1204</votes><funded>true</funded>");
    }

    @Test
    void anotherNamespaceIsRefused() {
        String xml = xml(Notices.notice(12, 2)).replace("urn:kz:qatysu:registry:allocation:1", "urn:other");

        assertThatThrownBy(() -> read(xml)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("expected {urn:kz:qatysu:registry:allocation:1}allocationNotice");
    }

    @Test
    void missingRepeatedAndUnknownElementsAreNamed() {
        String xml = xml(Notices.notice(12, 2));

        assertThatThrownBy(() -> read(xml.replace("<currency>KZT</currency>", "")))
                .hasMessage("notice.currency: missing");
        assertThatThrownBy(() -> read(xml.replace("<currency>KZT</currency>",
                "<currency>KZT</currency><currency>USD</currency>"))).hasMessage("notice.currency: repeated");
        assertThatThrownBy(() -> read(xml.replace("<votes>987</votes>", "<votes>987</votes><note>x</note>")))
                .hasMessage("notice.projects[1].note: unknown element");
        assertThatThrownBy(() -> read(xml.replace("<votes>987</votes>", "<votes>many</votes>")))
                .hasMessageContaining("notice.projects[1].votes: expected a whole number");
    }

    private static String xml(AllocationNotice notice) {
        Document doc = SecureXml.newDocument();
        doc.appendChild(AllocationNoticeXml.toElement(doc, notice));
        return new String(SecureXml.write(doc), StandardCharsets.UTF_8);
    }

    private static AllocationNotice read(String xml) {
        return AllocationNoticeXml.fromElement(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8))
                .getDocumentElement());
    }
}
