package kz.qatysu.voting.application;

import java.util.List;

/**
 * The answer to "was my receipt counted?" once the round's receipts are published.
 *
 * @param status     counted, superseded (a later ballot of the same voter counts instead) or unknown
 * @param leafIndex  position of the receipt's hash in the published (sorted) list, when counted
 * @param auditPath  RFC 6962 audit path from that leaf to the Merkle root, when counted
 */
public record ReceiptCheck(Status status, String receiptHash, String merkleRoot, int counted, Integer leafIndex,
                           List<String> auditPath) {

    public enum Status { COUNTED, SUPERSEDED, UNKNOWN }
}
