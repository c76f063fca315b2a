package kz.qatysu.voting.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle tree over the published receipt hashes in the order published, built as in RFC 6962 (Certificate
 * Transparency): leaf = SHA-256(0x00 ‖ leaf), node = SHA-256(0x01 ‖ left ‖ right), the left subtree holding the
 * largest power of two smaller than the number of leaves. Anyone can recompute the root from the list, and a voter
 * can be given the audit path of their receipt.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    /** The root of the leaves (hex-encoded byte strings); the hash of the empty string for no leaves. */
    public static String root(List<String> leaves) {
        if (leaves.isEmpty()) {
            return HEX.formatHex(sha256(new byte[0]));
        }
        return HEX.formatHex(hash(leaves, 0, leaves.size()));
    }

    /** The audit path of leaf {@code index}: sibling hashes from the leaf up to the root. */
    public static List<String> path(List<String> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<String> path = new ArrayList<>();
        collectPath(leaves, index, 0, leaves.size(), path);
        return path;
    }

    /** Whether the audit path proves that the leaf sits at {@code index} of a tree of {@code size} leaves with that root. */
    public static boolean verify(String leaf, int index, int size, List<String> path, String root) {
        if (index < 0 || index >= size) {
            return false;
        }
        byte[] hash = leafHash(HEX.parseHex(leaf));
        // RFC 9162 §2.1.3.2: walk up from the leaf, choosing sides by the bits of the index.
        long fn = index;
        long sn = size - 1L;
        for (String siblingHex : path) {
            if (sn == 0) {
                return false;
            }
            byte[] sibling = HEX.parseHex(siblingHex);
            if ((fn & 1) == 1 || fn == sn) {
                hash = nodeHash(sibling, hash);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                hash = nodeHash(hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && HEX.formatHex(hash).equals(root);
    }

    private static void collectPath(List<String> leaves, int index, int from, int to, List<String> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < from + k) {
            collectPath(leaves, index, from, from + k, path);
            path.add(HEX.formatHex(hash(leaves, from + k, to)));
        } else {
            collectPath(leaves, index, from + k, to, path);
            path.add(HEX.formatHex(hash(leaves, from, from + k)));
        }
    }

    private static byte[] hash(List<String> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHash(HEX.parseHex(leaves.get(from)));
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(leaves, from, from + k), hash(leaves, from + k, to));
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] leaf) {
        byte[] input = new byte[leaf.length + 1];
        System.arraycopy(leaf, 0, input, 1, leaf.length);
        return sha256(input);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        byte[] input = new byte[1 + left.length + right.length];
        input[0] = 1;
        System.arraycopy(left, 0, input, 1, left.length);
        System.arraycopy(right, 0, input, 1 + left.length, right.length);
        return sha256(input);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
