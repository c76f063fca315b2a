package kz.qatysu.proposal.attachment.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files for the attachment tests, made in memory: images by ImageIO, PDFs and the rest byte by byte. */
public final class AttachmentFixtures {

    private AttachmentFixtures() {
    }

    /** A PNG whose pixels depend on {@code seed}, so that different seeds give different files. */
    public static byte[] png(int width, int height, int seed) {
        return image("png", width, height, seed);
    }

    public static byte[] jpeg(int width, int height, int seed) {
        return image("jpeg", width, height, seed);
    }

    public static byte[] gif(int width, int height) {
        return image("gif", width, height, 1);
    }

    /** A JPEG with an EXIF segment carrying a GPS marker right after the start-of-image marker. */
    public static byte[] jpegWithExif(int width, int height) {
        byte[] jpeg = jpeg(width, height, 7);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1),
                "MM\0*\0\0\0\bGPSLatitude=43.2180;GPSLongitude=76.9270".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1); // APP1
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The first bytes of a PNG declaring the given size, with a correct IHDR checksum but no image data. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    /** A one-page PDF with a correct cross-reference table; {@code catalogExtra} goes into the catalog dictionary. */
    public static byte[] pdf(String catalogExtra) {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"));
    }

    public static byte[] pdf() {
        return pdf("");
    }

    /** A PDF 1.5 whose object 4 lies in a compressed object stream; {@code hidden} is that object's dictionary. */
    public static byte[] pdfWithObjectStream(String hidden) {
        byte[] objects = deflate(("4 0 " + hidden).getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        String[] plain = {"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
        for (int i = 0; i < plain.length; i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + plain[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        offsets.add(out.size());
        out.writeBytes(("5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + objects.length
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(objects);
        out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        int xref = out.size();
        out.writeBytes(("xref\n0 6\n0000000000 65535 f \n").getBytes(StandardCharsets.ISO_8859_1));
        for (int offset : offsets) {
            out.writeBytes(String.format("%010d 00000 n \n", offset).getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("trailer\n<< /Root 1 0 R /Size 6 >>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    public static byte[] elf() {
        byte[] elf = new byte[256];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        return elf;
    }

    /** The start of a Windows executable: the MZ header pointing to a PE signature. */
    public static byte[] windowsExecutable() {
        byte[] pe = new byte[512];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[0x3C] = (byte) 0x80;
        pe[0x80] = 'P';
        pe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, pe, 0x4E, stub.length);
        return pe;
    }

    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("payload.exe"));
            zip.write(windowsExecutable());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] svgWithScript() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                  <script type="text/javascript">alert(document.cookie)</script>
                  <rect width="10" height="10"/>
                </svg>
                """.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** An endless stream of bytes that counts what was read; nothing is held in memory. */
    public static final class EndlessStream extends InputStream {
        private long read;

        @Override
        public int read() {
            read++;
            return 'A';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'A');
            read += len;
            return len;
        }

        public long bytesRead() {
            return read;
        }
    }

    private static byte[] pdf(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        out.writeBytes(("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n").getBytes(StandardCharsets.ISO_8859_1));
        for (int offset : offsets) {
            out.writeBytes(String.format("%010d 00000 n \n", offset).getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("trailer\n<< /Root 1 0 R /Size " + (objects.size() + 1) + " >>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] image(String format, int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (seed * 7919 + x * 31 + y * 17 * (x ^ y)) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}
