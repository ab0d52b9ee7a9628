package com.complaintcase.integrity;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of a checkpoint over its case heads, in the order given (checkpoints list them by case id).
 * <ul>
 *     <li>leaf = SHA-256(0x00, caseId, headSequence (decimal), headHash), each of the three length-prefixed as in
 *     {@link CanonicalEventForm}</li>
 *     <li>node = SHA-256(0x01, left digest (32 bytes), right digest (32 bytes))</li>
 *     <li>a level with an odd number of nodes carries its last node up unchanged</li>
 * </ul>
 * The root is written as lowercase hex. A proof lists, from the leaf up, each sibling digest and the side it is on.
 */
public final class MerkleTree {

    public static final String DESCRIPTION = "leaf = SHA-256(0x00 || caseId || headSequence || headHash), each "
            + "length-prefixed as in the event form; node = SHA-256(0x01 || left || right) over raw 32-byte digests; "
            + "the last node of an odd level is carried up unchanged; leaves in the checkpoint's order (by case id)";

    private static final HexFormat HEX = HexFormat.of();

    /** Which side of the running digest the sibling is on. */
    public enum Side { LEFT, RIGHT }

    public record ProofStep(Side side, String hash) {

        public ProofStep {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(hash, "hash");
        }
    }

    private MerkleTree() {
    }

    public static String root(List<CaseHead> heads) {
        List<byte[]> level = leaves(heads);
        while (level.size() > 1) {
            level = up(level);
        }
        return HEX.formatHex(level.get(0));
    }

    public static List<ProofStep> proof(List<CaseHead> heads, int index) {
        List<byte[]> level = leaves(heads);
        if (index < 0 || index >= level.size()) {
            throw new IllegalArgumentException("no leaf " + index + " among " + level.size());
        }
        List<ProofStep> steps = new ArrayList<>();
        int position = index;
        while (level.size() > 1) {
            int sibling = position % 2 == 0 ? position + 1 : position - 1;
            if (sibling < level.size()) {
                steps.add(new ProofStep(sibling < position ? Side.LEFT : Side.RIGHT, HEX.formatHex(level.get(sibling))));
            }
            level = up(level);
            position /= 2;
        }
        return List.copyOf(steps);
    }

    /** Whether {@code head}, taken up through {@code proof}, arrives at {@code root}. */
    public static boolean proves(CaseHead head, List<ProofStep> proof, String root) {
        byte[] digest = leaf(head);
        for (ProofStep step : proof) {
            byte[] sibling;
            try {
                sibling = HEX.parseHex(step.hash());
            } catch (IllegalArgumentException notHex) {
                return false;
            }
            digest = step.side() == Side.LEFT ? node(sibling, digest) : node(digest, sibling);
        }
        return HEX.formatHex(digest).equalsIgnoreCase(root);
    }

    private static List<byte[]> leaves(List<CaseHead> heads) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        return heads.stream().map(MerkleTree::leaf).toList();
    }

    private static List<byte[]> up(List<byte[]> level) {
        List<byte[]> parents = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            parents.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return parents;
    }

    static byte[] leaf(CaseHead head) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        out.write(0x00);
        CanonicalEventForm.field(out, CanonicalEventForm.text(head.caseId()));
        CanonicalEventForm.field(out, CanonicalEventForm.text(Long.toString(head.headSequence())));
        CanonicalEventForm.field(out, CanonicalEventForm.text(head.headHash()));
        return CanonicalEventForm.sha256(out.toByteArray());
    }

    private static byte[] node(byte[] left, byte[] right) {
        return CanonicalEventForm.sha256(new byte[]{0x01}, left, right);
    }
}
