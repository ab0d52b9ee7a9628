package com.complaintcase.verifier;

import com.complaintcase.integrity.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FiledReturnCheckTest {

    private static final String FILED = "{\"asOfPosition\":42,\"figures\":{\"rows\":[{\"cause\":\"OTHER\",\"grouping\":\"INVESTMENTS\","
            + "\"opened\":3,\"redressPaid\":{\"GBP\":150.00}}]},\"regime\":\"fca-disp1\"}";

    @TempDir
    Path dir;

    @Test
    void a_filed_return_matches_its_hash_also_when_re_indented_with_its_keys_reordered() throws IOException {
        String sha = CanonicalJson.sha256(FILED.getBytes(StandardCharsets.UTF_8));
        String reformatted = "{\n  \"regime\": \"fca-disp1\",\n  \"figures\": {\"rows\": [{\"opened\": 3, \"grouping\": \"INVESTMENTS\","
                + " \"redressPaid\": {\"GBP\": 150.00}, \"cause\": \"OTHER\"}]},\n  \"asOfPosition\": 42\n}\n";

        assertThat(run(FILED, sha)).isEqualTo(Verifier.VALID);
        assertThat(run(reformatted, sha)).isEqualTo(Verifier.VALID);
        assertThat(CanonicalJson.canonical(reformatted.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FILED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_filed_return_with_one_figure_changed_does_not_match() throws IOException {
        String sha = CanonicalJson.sha256(FILED.getBytes(StandardCharsets.UTF_8));

        assertThat(run(FILED.replace("\"opened\":3", "\"opened\":4"), sha)).isEqualTo(Verifier.BROKEN);
        assertThat(run(FILED.replace("150.00", "150.0"), sha)).as("an amount is compared to its last decimal")
                .isEqualTo(Verifier.BROKEN);
        assertThat(run("not json", sha)).isEqualTo(Verifier.UNREADABLE);
    }

    private int run(String json, String sha) throws IOException {
        Path file = Files.writeString(dir.resolve("return.json"), json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Verifier.run(new String[]{Verifier.FILED_RETURN, file.toString(), sha}, new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
    }
}
