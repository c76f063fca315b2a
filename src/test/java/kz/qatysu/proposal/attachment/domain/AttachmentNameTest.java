package kz.qatysu.proposal.attachment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd.png", "..\\..\\WEB-INF\\web.xml", "/etc/passwd.png", "C:\\Users\\a\\photo.png",
            "C:photo.png", "../../WEB-INF/x.xhtml", "photo.png\u0000.exe", "photo\r\n.png", "photo\u0007.png",
            "invoice\u202Egpj.exe", "photo\u2066.png", "photo\u200F.png"})
    void refusesPathsControlAndBidiCharacters(String name) {
        assertThatThrownBy(() -> AttachmentName.display(name, AttachmentType.PNG))
                .isInstanceOfSatisfying(AttachmentRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo(AttachmentRefused.NAME));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "photo.jpg;PNG;photo.png",
            "Смета 2027.PDF;PDF;Смета 2027.pdf",
            "proposal.pdf.html;PDF;proposal.pdf.pdf",
            "  many   spaces .png ;PNG;many spaces.png",
            ".hidden.png;PNG;hidden.png",
            "what?*:<>|.jpg;JPEG;what______.jpg",
            "con.png;PNG;_con.png",
            "...;PDF;attachment.pdf",
            "README;PDF;README.pdf"})
    void cleansTheNameAndUsesTheDetectedTypesExtension(String submitted, AttachmentType type, String expected) {
        assertThat(AttachmentName.display(submitted, type)).isEqualTo(expected);
    }

    @Test
    void removesZeroWidthCharacters() {
        assertThat(AttachmentName.display("pho\u200Bto\uFEFF.png", AttachmentType.PNG)).isEqualTo("photo.png");
    }

    @Test
    void fallsBackToAttachmentWithoutAName() {
        assertThat(AttachmentName.display(null, AttachmentType.PDF)).isEqualTo("attachment.pdf");
        assertThat(AttachmentName.display("   ", AttachmentType.PDF)).isEqualTo("attachment.pdf");
    }

    @Test
    void limitsTheLengthKeepingTheExtension() {
        String name = AttachmentName.display("ә".repeat(500) + ".pdf", AttachmentType.PDF);

        assertThat(name.codePointCount(0, name.length())).isEqualTo(AttachmentName.MAX_LENGTH);
        assertThat(name).endsWith("ә.pdf");
    }

    @Test
    void refusesAbsurdlyLongNamesBeforeCleaningThem() {
        assertThatThrownBy(() -> AttachmentName.check("a".repeat(5000)))
                .isInstanceOf(AttachmentRefused.class);
    }
}
