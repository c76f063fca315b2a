package kz.qatysu.proposal.attachment.domain;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what an uploaded file is from its bytes and produces the form that is stored:
 * <ul>
 * <li>The type comes from Apache Tika's magic detection over the content alone (no file name, no declared type):
 * PNG, JPEG and PDF are accepted; everything else (executables, archives, HTML, SVG, GIF, WebP …) is refused.</li>
 * <li>Images must decode with {@code javax.imageio} within a pixel limit read from the header before decoding
 * (decompression bombs), and are re-encoded: what is stored is a fresh PNG or JPEG made of the pixels only, so
 * metadata (EXIF with GPS position, comments) and anything smuggled after or inside the image (polyglots) is gone.</li>
 * <li>PDFs are stored as sent after structural and conservative content checks: {@code %PDF-} at the start,
 * {@code %%EOF} at the end with nothing but white space after it, no HTML in the first kilobyte, no ZIP directory
 * at the end (PDF/ZIP polyglots), and no active content — {@code /JavaScript}, {@code /JS}, {@code /Launch},
 * {@code /EmbeddedFile(s)}, {@code /RichMedia}, {@code /XFA}, {@code /GoToE} — looked for in the file and inside
 * its compressed object streams, with {@code #xx} escapes in names decoded. A PDF whose object streams cannot be
 * read is refused as well. This refuses some harmless PDFs (an opening action that only jumps to a page is fine,
 * one that runs a script is not); printing to PDF again gives an acceptable file.</li>
 * </ul>
 * Plain Java: unit-tested with {@code new}.
 */
public final class ContentInspector {

    /** What was stored: detected type, size and SHA-256 (hex) of the stored bytes. */
    public record Inspection(AttachmentType type, long size, String sha256) {
    }

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private static final int PDF_EOF_WINDOW = 1024;
    /** ZIP readers look for the end-of-central-directory record within the last 64 KiB + 22 bytes. */
    private static final int ZIP_EOCD_WINDOW = 65_535 + 22;
    private static final long INFLATE_BUDGET = 64L * 1024 * 1024;
    private static final Pattern PDF_TRAILER = Pattern.compile("[\\s\\x00]*");
    private static final Pattern MARKUP = Pattern.compile("<(?:html|body|script|svg|iframe|!doctype)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT = Pattern.compile("<script", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");
    private static final Pattern ACTIVE = Pattern.compile(
            "/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|GoToE)(?=[\\s/<>\\[\\]()%{}]|$)");
    private static final Pattern STREAM_START = Pattern.compile("stream\\r?\\n");
    private static final Pattern OBJECT_STREAM = Pattern.compile("/Type\\s*/ObjStm(?![A-Za-z0-9])");

    private final AttachmentLimits limits;

    public ContentInspector(AttachmentLimits limits) {
        this.limits = limits;
    }

    /**
     * Copies an upload to {@code target}, reading no more than one buffer past the limit.
     *
     * @return the number of bytes received
     * @throws AttachmentRefused {@code -too-large} as soon as the limit is passed, {@code -empty} for no bytes
     */
    public long receive(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new AttachmentRefused(AttachmentRefused.TOO_LARGE, limits.maxMegabytes());
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new AttachmentRefused(AttachmentRefused.EMPTY);
        }
        return total;
    }

    /**
     * Checks a received file and writes what will be stored to {@code safeCopy}.
     *
     * @throws AttachmentRefused with the reason when the file is not accepted
     */
    public Inspection inspect(Path received, Path safeCopy) throws IOException {
        long size = Files.size(received);
        if (size == 0) {
            throw new AttachmentRefused(AttachmentRefused.EMPTY);
        }
        if (size > limits.maxBytes()) {
            throw new AttachmentRefused(AttachmentRefused.TOO_LARGE, limits.maxMegabytes());
        }
        AttachmentType type = detect(received)
                .orElseThrow(() -> new AttachmentRefused(AttachmentRefused.TYPE));
        if (type.isImage()) {
            reencode(received, type, safeCopy);
        } else {
            checkPdf(received);
            Files.copy(received, safeCopy, StandardCopyOption.REPLACE_EXISTING);
        }
        long stored = Files.size(safeCopy);
        if (stored > limits.maxBytes()) {
            throw new AttachmentRefused(AttachmentRefused.TOO_LARGE, limits.maxMegabytes());
        }
        return new Inspection(type, stored, sha256(safeCopy));
    }

    /** The accepted type the bytes show, by magic numbers only; empty for anything else. */
    public static Optional<AttachmentType> detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            String detected = MAGIC.detect(in, new Metadata()).getBaseType().toString();
            return AttachmentType.ofMediaType(detected);
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // ---------------------------------------------------------------- images

    private void reencode(Path received, AttachmentType type, Path safeCopy) throws IOException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(received.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
            if (in == null || !readers.hasNext()) {
                throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw new AttachmentRefused(AttachmentRefused.IMAGE_TOO_BIG, limits.maxPixels() / 1_000_000);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AttachmentRefused refused) {
                throw refused;
            }
            // a malformed image makes decoders throw anything from IIOException to ArrayIndexOutOfBounds
            throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
        }
        Files.deleteIfExists(safeCopy);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(safeCopy.toFile())) {
            if (type == AttachmentType.JPEG) {
                writeJpeg(image, out);
            } else if (!ImageIO.write(image, "png", out)) {
                throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
            }
        }
    }

    private static void writeJpeg(BufferedImage image, ImageOutputStream out) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR
                && image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    // ---------------------------------------------------------------- PDF

    private static void checkPdf(Path received) throws IOException {
        byte[] data = Files.readAllBytes(received);
        String raw = new String(data, StandardCharsets.ISO_8859_1);
        if (!raw.startsWith("%PDF-")) {
            throw new AttachmentRefused(AttachmentRefused.TYPE);
        }
        int eof = raw.lastIndexOf("%%EOF");
        if (eof < 0 || raw.length() - eof > PDF_EOF_WINDOW) {
            throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
        }
        if (!PDF_TRAILER.matcher(raw.substring(eof + 5)).matches()
                || MARKUP.matcher(raw.substring(0, Math.min(raw.length(), 1024))).find()
                || SCRIPT.matcher(raw).find()
                || raw.indexOf("PK\u0005\u0006", Math.max(0, raw.length() - ZIP_EOCD_WINDOW)) >= 0) {
            throw new AttachmentRefused(AttachmentRefused.MIXED_CONTENT);
        }
        if (hasActiveContent(raw)) {
            throw new AttachmentRefused(AttachmentRefused.PDF_ACTIVE_CONTENT);
        }
        long budget = INFLATE_BUDGET;
        Matcher stream = STREAM_START.matcher(raw);
        while (stream.find()) {
            int start = stream.start();
            int dictionaryStart = Math.max(Math.max(raw.lastIndexOf("endobj", start), raw.lastIndexOf("endstream", start)),
                    start - 8192);
            if (!OBJECT_STREAM.matcher(decodeNames(raw.substring(Math.max(0, dictionaryStart), start))).find()) {
                continue;
            }
            int end = raw.indexOf("endstream", stream.end());
            String objects = inflate(data, stream.end(), (end < 0 ? data.length : end) - stream.end(), budget);
            budget -= objects.length();
            if (hasActiveContent(objects)) {
                throw new AttachmentRefused(AttachmentRefused.PDF_ACTIVE_CONTENT);
            }
        }
    }

    private static boolean hasActiveContent(String pdfText) {
        return ACTIVE.matcher(decodeNames(pdfText)).find();
    }

    /** PDF names may spell characters as {@code #xx}: {@code /J#61vaScript} is {@code /JavaScript}. */
    private static String decodeNames(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        return NAME_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    /** An object stream's content (Flate); one that does not inflate, or inflates past the budget, cannot be checked. */
    private static String inflate(byte[] data, int offset, int length, long budget) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, Math.max(0, length));
            StringBuilder out = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (out.length() > budget) {
                    throw new AttachmentRefused(AttachmentRefused.PDF_ACTIVE_CONTENT);
                }
            }
            if (out.isEmpty()) {
                throw new AttachmentRefused(AttachmentRefused.PDF_ACTIVE_CONTENT);
            }
            return out.toString();
        } catch (DataFormatException e) {
            throw new AttachmentRefused(AttachmentRefused.PDF_ACTIVE_CONTENT);
        } finally {
            inflater.end();
        }
    }
}
