package kz.qatysu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void encodesANonAsciiNameInUtf8AndGivesAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("Смета 2027.pdf")).isEqualTo(
                "attachment; filename=\"_____ 2027.pdf\"; filename*=UTF-8''%D0%A1%D0%BC%D0%B5%D1%82%D0%B0%202027.pdf");
    }

    @Test
    void quotesSemicolonsAndLineBreaksCannotEscapeTheHeaderValue() {
        String header = ContentDisposition.attachment("a\"; filename=evil.html\r\nSet-Cookie: x=1.png");

        assertThat(header).doesNotContain("\r", "\n").startsWith("attachment; filename=\"a_; filename=evil.html__Set-Cookie: x=1.png\"");
        assertThat(header).contains("filename*=UTF-8''a%22%3B%20filename%3Devil.html%0D%0ASet-Cookie%3A%20x%3D1.png");
    }

    @Test
    void keepsRfc8187AttributeCharactersAsTheyAre() {
        assertThat(ContentDisposition.encode("Aa0!#$&+-.^_`|~")).isEqualTo("Aa0!#$&+-.^_`|~");
    }
}
