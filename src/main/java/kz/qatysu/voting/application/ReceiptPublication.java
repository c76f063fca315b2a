package kz.qatysu.voting.application;

import java.time.Instant;

/** The published receipts of a closed round: how many counted and superseded, and the Merkle root of the counted. */
public record ReceiptPublication(long roundId, int counted, int superseded, String merkleRoot, Instant publishedAt) {
}
