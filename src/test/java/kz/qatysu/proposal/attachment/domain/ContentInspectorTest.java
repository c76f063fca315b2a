package kz.qatysu.proposal.attachment.domain;

import static kz.qatysu.proposal.attachment.domain.AttachmentFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentInspectorTest {

    private final ContentInspector inspector = new ContentInspector(AttachmentLimits.DEFAULT);

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private ContentInspector.Inspection inspect(String name, byte[] content) throws IOException {
        return inspector.inspect(file(name, content), dir.resolve(name + ".checked"));
    }

    private static String latin1(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private void assertRefused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> inspect(name, content))
                .isInstanceOfSatisfying(AttachmentRefused.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void acceptsAPngAndStoresAFreshlyEncodedPngOfTheSamePixels() throws IOException {
        byte[] png = AttachmentFixtures.png(40, 30, 1);

        ContentInspector.Inspection inspection = inspect("plan.png", png);

        Path stored = dir.resolve("plan.png.checked");
        assertThat(inspection.type()).isEqualTo(AttachmentType.PNG);
        assertThat(inspection.size()).isEqualTo(Files.size(stored));
        assertThat(inspection.sha256()).matches("[0-9a-f]{64}").isEqualTo(ContentInspector.sha256(stored));
        var image = ImageIO.read(stored.toFile());
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getRGB(5, 7)).isEqualTo(ImageIO.read(new ByteArrayInputStream(png)).getRGB(5, 7));
    }

    @Test
    void reencodingStripsExifIncludingTheGpsPosition() throws IOException {
        byte[] photo = AttachmentFixtures.jpegWithExif(64, 48);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", "GPSLatitude");

        ContentInspector.Inspection inspection = inspect("IMG_0001.JPG", photo);

        assertThat(inspection.type()).isEqualTo(AttachmentType.JPEG);
        assertThat(latin1(dir.resolve("IMG_0001.JPG.checked"))).doesNotContain("Exif", "GPS");
    }

    @Test
    void theSameFileGivesTheSameDigestSoDuplicatesAreRecognised() throws IOException {
        byte[] png = AttachmentFixtures.png(20, 20, 3);

        assertThat(inspect("a.png", png).sha256()).isEqualTo(inspect("b.png", png).sha256());
    }

    @Test
    void acceptsAMinimalPdfUnchanged() throws IOException {
        byte[] pdf = AttachmentFixtures.pdf();

        ContentInspector.Inspection inspection = inspect("smeta.pdf", pdf);

        assertThat(inspection.type()).isEqualTo(AttachmentType.PDF);
        assertThat(Files.readAllBytes(dir.resolve("smeta.pdf.checked"))).isEqualTo(pdf);
    }

    @Test
    void acceptsAPdfWhoseObjectStreamHoldsNothingActive() throws IOException {
        byte[] pdf = AttachmentFixtures.pdfWithObjectStream("<< /S /GoTo /D [3 0 R /Fit] >>");

        assertThat(inspect("plan.pdf", pdf).type()).isEqualTo(AttachmentType.PDF);
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws IOException {
        assertThat(inspect("photo.pdf", AttachmentFixtures.png(8, 8, 1)).type()).isEqualTo(AttachmentType.PNG);
    }

    @Test
    void aJpegWithAZipAppendedIsStoredWithoutTheZip() throws IOException {
        byte[] polyglot = concat(AttachmentFixtures.jpeg(32, 32, 2), AttachmentFixtures.zip());

        assertThat(inspect("photo.jpg", polyglot).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(latin1(dir.resolve("photo.jpg.checked"))).doesNotContain("PK\u0003\u0004", "payload.exe");
    }

    // ---------------------------------------------------------------- refused by type

    @Test
    void refusesAnElfExecutableNamedLikeAPhoto() {
        assertRefused("photo.jpg", AttachmentFixtures.elf(), AttachmentRefused.TYPE);
    }

    @Test
    void refusesAWindowsExecutableNamedLikeAPhoto() {
        assertRefused("photo.jpg", AttachmentFixtures.windowsExecutable(), AttachmentRefused.TYPE);
    }

    @Test
    void refusesAZipArchive() {
        assertRefused("photo.jpg", AttachmentFixtures.zip(), AttachmentRefused.TYPE);
    }

    @Test
    void refusesSvgAltogetherScriptOrNot() {
        assertRefused("logo.png", AttachmentFixtures.svgWithScript(), AttachmentRefused.TYPE);
    }

    @Test
    void refusesHtmlNamedLikeAnImage() {
        assertRefused("photo.png", AttachmentFixtures.html(), AttachmentRefused.TYPE);
    }

    @Test
    void refusesGif() {
        assertRefused("animation.gif", AttachmentFixtures.gif(10, 10), AttachmentRefused.TYPE);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused("empty.pdf", new byte[0], AttachmentRefused.EMPTY);
    }

    // ---------------------------------------------------------------- refused images

    @Test
    void refusesAnImageDeclaringTooManyPixelsBeforeDecodingIt() {
        assertRefused("bomb.png", AttachmentFixtures.pngHeader(100_000, 100_000), AttachmentRefused.IMAGE_TOO_BIG);
    }

    @Test
    void refusesATruncatedImage() {
        byte[] png = AttachmentFixtures.png(50, 50, 4);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);

        assertRefused("broken.png", truncated, AttachmentRefused.UNREADABLE);
    }

    // ---------------------------------------------------------------- refused PDFs

    @Test
    void refusesAPdfWithJavaScript() {
        assertRefused("smeta.pdf", AttachmentFixtures.pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
                AttachmentRefused.PDF_ACTIVE_CONTENT);
    }

    @Test
    void refusesAPdfThatSpellsJavaScriptWithNameEscapes() {
        assertRefused("smeta.pdf", AttachmentFixtures.pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
                AttachmentRefused.PDF_ACTIVE_CONTENT);
    }

    @Test
    void refusesAPdfWithALaunchAction() {
        assertRefused("smeta.pdf", AttachmentFixtures.pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"),
                AttachmentRefused.PDF_ACTIVE_CONTENT);
    }

    @Test
    void refusesAPdfWithEmbeddedFiles() {
        assertRefused("smeta.pdf", AttachmentFixtures.pdf("/Names << /EmbeddedFiles << /Names [] >> >>"),
                AttachmentRefused.PDF_ACTIVE_CONTENT);
    }

    @Test
    void refusesAPdfHidingJavaScriptInACompressedObjectStream() {
        byte[] pdf = AttachmentFixtures.pdfWithObjectStream("<< /S /JavaScript /JS (app.alert(1)) >>");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("JavaScript");

        assertRefused("smeta.pdf", pdf, AttachmentRefused.PDF_ACTIVE_CONTENT);
    }

    @Test
    void refusesAPdfWithAZipAppended() {
        assertRefused("smeta.pdf", concat(AttachmentFixtures.pdf(), AttachmentFixtures.zip()),
                AttachmentRefused.MIXED_CONTENT);
    }

    @Test
    void refusesAPdfThatIsAlsoAnHtmlPage() {
        byte[] pdf = AttachmentFixtures.pdf();
        byte[] polyglot = concat(java.util.Arrays.copyOf(pdf, 9),
                concat("<html><body onload=alert(1)>\n".getBytes(StandardCharsets.ISO_8859_1),
                        java.util.Arrays.copyOfRange(pdf, 9, pdf.length)));

        assertRefused("smeta.pdf", polyglot, AttachmentRefused.MIXED_CONTENT);
    }

    @Test
    void refusesAPdfWithoutItsEnd() {
        byte[] pdf = AttachmentFixtures.pdf();

        assertRefused("smeta.pdf", java.util.Arrays.copyOf(pdf, pdf.length - 7), AttachmentRefused.UNREADABLE);
    }

    // ---------------------------------------------------------------- size and count

    @Test
    void stopsReadingAnOversizedUploadJustPastTheLimit() {
        var endless = new AttachmentFixtures.EndlessStream();

        assertThatThrownBy(() -> inspector.receive(endless, dir.resolve("huge.part")))
                .isInstanceOfSatisfying(AttachmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(AttachmentRefused.TOO_LARGE);
                    assertThat(e.arguments()).containsExactly(10L);
                });
        assertThat(endless.bytesRead()).isLessThanOrEqualTo(AttachmentLimits.DEFAULT.maxBytes() + 64 * 1024);
    }

    @Test
    void receivesAnUploadWithinTheLimit() throws IOException {
        byte[] png = AttachmentFixtures.png(10, 10, 5);

        long size = inspector.receive(new ByteArrayInputStream(png), dir.resolve("in.part"));

        assertThat(size).isEqualTo(png.length);
        assertThat(Files.readAllBytes(dir.resolve("in.part"))).isEqualTo(png);
    }

    @Test
    void refusesAFileOverTheConfiguredLimit() {
        ContentInspector small = new ContentInspector(new AttachmentLimits(100, 10, 1_000_000));

        assertThatThrownBy(() -> small.inspect(file("big.png", AttachmentFixtures.png(30, 30, 1)), dir.resolve("x")))
                .isInstanceOfSatisfying(AttachmentRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo(AttachmentRefused.TOO_LARGE));
    }

    @Test
    void refusesTheEleventhAttachment() {
        AttachmentLimits.DEFAULT.requireRoomFor(9);

        assertThatThrownBy(() -> AttachmentLimits.DEFAULT.requireRoomFor(10))
                .isInstanceOfSatisfying(AttachmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(AttachmentRefused.COUNT);
                    assertThat(e.arguments()).containsExactly(10);
                });
    }
}
