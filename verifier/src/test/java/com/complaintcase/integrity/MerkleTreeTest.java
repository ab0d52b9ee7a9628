package com.complaintcase.integrity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleTreeTest {

    private static List<CaseHead> heads(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new CaseHead("CMP-" + i, i, String.format("%064x", i)))
                .toList();
    }

    /** The vector was computed by an independent implementation of ADR 0010 (a few lines of Python). */
    @Test
    void the_root_of_three_heads_matches_an_independent_implementation() {
        assertThat(MerkleTree.root(heads(3)))
                .isEqualTo("a7683523810a7900712fe97f2ba93b8246b4279557eeb950498c25ed1e93505f");
    }

    @Test
    void every_leaf_of_trees_of_every_shape_is_proven_by_its_proof() {
        for (int size = 1; size <= 17; size++) {
            List<CaseHead> heads = heads(size);
            String root = MerkleTree.root(heads);
            for (int i = 0; i < size; i++) {
                assertThat(MerkleTree.proves(heads.get(i), MerkleTree.proof(heads, i), root))
                        .as("leaf %d of %d", i, size).isTrue();
            }
        }
    }

    @Test
    void a_single_head_is_its_own_root_with_an_empty_proof() {
        assertThat(MerkleTree.proof(heads(1), 0)).isEmpty();
        assertThat(MerkleTree.proves(heads(1).get(0), List.of(), MerkleTree.root(heads(1)))).isTrue();
    }

    @Test
    void a_changed_head_is_not_proven() {
        List<CaseHead> heads = heads(5);
        String root = MerkleTree.root(heads);
        CaseHead earlier = new CaseHead("CMP-2", 1, heads.get(2).headHash());
        assertThat(MerkleTree.proves(earlier, MerkleTree.proof(heads, 2), root)).isFalse();
        assertThat(MerkleTree.proves(heads.get(3), MerkleTree.proof(heads, 2), root)).isFalse();
    }

    @Test
    void a_tree_needs_a_leaf() {
        assertThatThrownBy(() -> MerkleTree.root(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
