package kz.qatysu.proposal.attachment.domain;

/**
 * How much a proposal may carry: bytes per file, files per proposal, pixels per image (checked from the image header
 * before decoding, against decompression bombs).
 */
public record AttachmentLimits(long maxBytes, int maxPerProposal, long maxPixels) {

    /** The database's own ceiling ({@code proposal_attachment.size_bytes}); configuration may only go lower. */
    public static final long HARD_MAX_BYTES = 20L * 1024 * 1024;

    public static final AttachmentLimits DEFAULT = new AttachmentLimits(10L * 1024 * 1024, 10, 50_000_000L);

    public AttachmentLimits {
        if (maxBytes < 1 || maxBytes > HARD_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + HARD_MAX_BYTES);
        }
        if (maxPerProposal < 1) {
            throw new IllegalArgumentException("maxPerProposal must be positive");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
    }

    /** @throws AttachmentRefused {@code proposal.error.attachment-count} when the proposal already has the maximum */
    public void requireRoomFor(long existing) {
        if (existing >= maxPerProposal) {
            throw new AttachmentRefused(AttachmentRefused.COUNT, maxPerProposal);
        }
    }

    /** The byte limit in whole megabytes, for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }
}
