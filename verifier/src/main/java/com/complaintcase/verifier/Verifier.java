package com.complaintcase.verifier;

import com.complaintcase.integrity.CanonicalJson;
import com.complaintcase.integrity.CaseBundle;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar complaint-case-verifier.jar bundle.json}: checks a regulator export (one case, or a bulk export
 * with one case per line) and prints VALID or where each case breaks. Exit code 0: every case valid; 1: a case is
 * broken; 2: the file cannot be read as an export.
 */
public final class Verifier {

    public static final int VALID = 0;
    public static final int BROKEN = 1;
    public static final int UNREADABLE = 2;

    /** The option that checks a filed regulatory return's JSON against the SHA-256 its filing recorded. */
    public static final String FILED_RETURN = "--filed-return";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 3 && FILED_RETURN.equals(args[0])) {
            return checkFiledReturn(Path.of(args[1]), args[2], out, err);
        }
        if (args.length != 1) {
            err.println("usage: java -jar complaint-case-verifier.jar <export.json>");
            err.println("       java -jar complaint-case-verifier.jar " + FILED_RETURN + " <return.json> <resultSha256>");
            return UNREADABLE;
        }
        List<CaseBundle> bundles;
        try {
            bundles = read(Path.of(args[0]));
        } catch (IOException | RuntimeException unreadable) {
            err.println("UNREADABLE " + args[0] + ": " + unreadable.getMessage());
            return UNREADABLE;
        }
        BundleCheck check = new BundleCheck(JSON);
        int code = VALID;
        for (CaseBundle bundle : bundles) {
            BundleCheck.Result result = check.check(bundle);
            out.println("case " + result.caseId() + ": " + result.verdict().describe()
                    + (result.verdict().isValid() ? ", " + result.checkpointsChecked() + " checkpoint(s) proven" : ""));
            if (!result.verdict().isValid()) {
                code = BROKEN;
            }
        }
        if (bundles.size() > 1) {
            out.println(code == VALID ? "VALID: all " + bundles.size() + " cases" : "BROKEN: see above");
        }
        return code;
    }

    /**
     * A filed return ({@code GET /api/returns/filings/{id}}) against its filing's {@code resultSha256}: the SHA-256 of
     * its canonical JSON ({@link CanonicalJson}), so a copy re-indented or with its keys reordered still matches and
     * one changed figure does not. MATCHES (0), MISMATCH (1), unreadable (2).
     */
    static int checkFiledReturn(Path file, String expectedSha256, PrintStream out, PrintStream err) {
        byte[] canonical;
        try {
            canonical = CanonicalJson.canonical(Files.readAllBytes(file));
        } catch (IOException | RuntimeException unreadable) {
            err.println("UNREADABLE " + file + ": " + unreadable.getMessage());
            return UNREADABLE;
        }
        String actual = CanonicalJson.sha256(canonical);
        if (actual.equalsIgnoreCase(expectedSha256.trim())) {
            out.println("MATCHES: the return's canonical JSON has SHA-256 " + actual);
            return VALID;
        }
        out.println("MISMATCH: the return's canonical JSON has SHA-256 " + actual + ", the filing recorded " + expectedSha256);
        return BROKEN;
    }

    /** Every case bundle in the file: one JSON object, or several one after the other (NDJSON). */
    public static List<CaseBundle> read(Path file) throws IOException {
        List<CaseBundle> bundles = new ArrayList<>();
        try (MappingIterator<CaseBundle> values = JSON.readerFor(CaseBundle.class).readValues(Files.newInputStream(file))) {
            while (values.hasNextValue()) {
                CaseBundle bundle = values.nextValue();
                if (bundle.manifest() == null || !CaseBundle.FORMAT_VERSION.equals(bundle.manifest().formatVersion())) {
                    throw new IOException("not a case export of format version " + CaseBundle.FORMAT_VERSION);
                }
                bundles.add(bundle);
            }
        }
        if (bundles.isEmpty()) {
            throw new IOException("no case export in the file");
        }
        return bundles;
    }
}
