package kz.qatysu.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SecureXmlTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnExternalEntityInsteadOfReadingTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<n>&x;</n>";

        assertThatThrownBy(() -> SecureXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRefused.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<l>&b;</l>";

        assertThatThrownBy(() -> SecureXml.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRefused.class);
    }

    @Test
    void refusesXmlThatIsNotWellFormed() {
        assertThatThrownBy(() -> SecureXml.parse("<a><b></a>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XmlRefused.class);
    }

    @Test
    void readsNamespacesAndWritesTheTreeBackUnchanged() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><p:a xmlns:p=\"urn:x\" Id=\"k\"><p:b>Жер  \n</p:b></p:a>";

        Document doc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:x");
        assertThat(new String(SecureXml.write(doc), StandardCharsets.UTF_8))
                .endsWith("<p:a xmlns:p=\"urn:x\" Id=\"k\"><p:b>Жер  \n</p:b></p:a>");
    }
}
