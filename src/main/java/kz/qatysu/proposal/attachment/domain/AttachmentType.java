package kz.qatysu.proposal.attachment.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a proposal may carry. The type is always decided from the file's bytes
 * ({@link ContentInspector}), never from its name or the type the browser declared.
 */
public enum AttachmentType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    AttachmentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type served as {@code Content-Type}, e.g. {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file-name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }
}
