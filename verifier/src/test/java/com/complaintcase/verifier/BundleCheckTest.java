package com.complaintcase.verifier;

import com.complaintcase.integrity.CanonicalEventForm;
import com.complaintcase.integrity.CaseBundle;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.integrity.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundleCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORED =
            "{\"customer\":{\"customerId\":\"C-1\",\"name\":\"pd1:k1:c2VhbGVk\"},\"channel\":\"PHONE\",\"amounts\":[1,2]}";

    @Test
    void a_personal_value_stored_encrypted_may_read_decrypted_or_erased() throws Exception {
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-1\",\"name\":\"Zhang Wei\"},\"channel\":\"PHONE\",\"amounts\":[1,2]}"))
                .isTrue();
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-1\",\"name\":\"[erased]\"},\"channel\":\"PHONE\",\"amounts\":[1,2]}"))
                .isTrue();
    }

    @Test
    void any_other_fact_that_reads_differently_from_the_stored_bytes_is_an_alteration() throws Exception {
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-2\",\"name\":\"Zhang Wei\"},\"channel\":\"PHONE\",\"amounts\":[1,2]}"))
                .isFalse();
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-1\",\"name\":\"Zhang Wei\"},\"channel\":\"EMAIL\",\"amounts\":[1,2]}"))
                .isFalse();
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-1\",\"name\":\"Zhang Wei\"},\"channel\":\"PHONE\",\"amounts\":[1,3]}"))
                .isFalse();
        assertThat(verdictShowing("{\"customer\":{\"customerId\":\"C-1\",\"name\":\"Zhang Wei\"},\"channel\":\"PHONE\",\"amounts\":[1,2],\"extra\":true}"))
                .isFalse();
    }

    private static boolean verdictShowing(String readable) throws Exception {
        StoredEvent event = new StoredEvent("e-0", "CMP-1", 0, Instant.parse("2026-11-22T09:00:00Z"), "T", null,
                STORED.getBytes(StandardCharsets.UTF_8), "intake1", "INTAKE", "c", "x");
        String hash = HashChain.hashOf(CanonicalEventForm.GENESIS, event);
        JsonNode payload = JSON.readTree(readable);
        CaseBundle.BundledEvent bundled = CaseBundle.BundledEvent.of(new ChainLink(event, hash, CanonicalEventForm.GENESIS),
                Map.of("userId", "intake1", "role", "INTAKE", "correlationId", "c", "causationId", "x"), payload);
        CaseBundle.Manifest manifest = new CaseBundle.Manifest(CaseBundle.FORMAT_VERSION, "CMP-1", "2026-11-22T10:00:00Z",
                "regulator1", 1, 0, hash, CanonicalEventForm.HASH_ALGORITHM, "", "");
        return new BundleCheck(JSON).check(new CaseBundle(manifest, null, List.of(bundled), List.of())).verdict().isValid();
    }
}
