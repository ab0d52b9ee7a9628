package com.complaintcase.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The bytes an event's hash is taken of (docs/adr/0010). Twelve fields in this order, each written as its length in
 * bytes (4-byte big-endian unsigned) followed by its bytes; text is UTF-8 and a missing value is the empty text:
 * <ol>
 *     <li>the previous event's hash (lowercase hex; {@link #GENESIS} before the first event)</li>
 *     <li>event identifier</li>
 *     <li>aggregate identifier</li>
 *     <li>sequence number, decimal</li>
 *     <li>timestamp truncated to milliseconds, UTC, always three fraction digits: {@code 2026-11-22T09:15:00.120Z}</li>
 *     <li>payload type, as the serializer named it</li>
 *     <li>payload revision</li>
 *     <li>payload: the stored bytes, as they are</li>
 *     <li>metadata {@code userId}</li>
 *     <li>metadata {@code role}</li>
 *     <li>metadata {@code correlationId}</li>
 *     <li>metadata {@code causationId}</li>
 * </ol>
 * The hash is SHA-256 of these bytes, as 64 lowercase hex digits.
 */
public final class CanonicalEventForm {

    public static final String HASH_ALGORITHM = "SHA-256";
    public static final String VERSION = "complaint-event-chain/1";
    /** The previous hash of a stream's first event. */
    public static final String GENESIS = "0".repeat(64);
    public static final String DESCRIPTION = "SHA-256 over 12 length-prefixed fields (4-byte big-endian length, then "
            + "the bytes; text UTF-8, missing = empty): previousHash (hex, 64 zeros for the first event), eventId, "
            + "aggregateId, sequence (decimal), timestamp (UTC, truncated to milliseconds, yyyy-MM-dd'T'HH:mm:ss.SSS'Z'), "
            + "payloadType, payloadRevision, payload (the stored serialized bytes), userId, role, correlationId, "
            + "causationId; hash written as lowercase hex";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalEventForm() {
    }

    public static String hash(String previousHash, StoredEvent event) {
        return HEX.formatHex(sha256(bytes(previousHash, event)));
    }

    public static byte[] bytes(String previousHash, StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.payload().length + 512);
        field(out, text(previousHash));
        field(out, text(event.eventId()));
        field(out, text(event.aggregateId()));
        field(out, text(Long.toString(event.sequence())));
        field(out, text(timestamp(event.timestamp())));
        field(out, text(event.payloadType()));
        field(out, text(event.payloadRevision()));
        field(out, event.payload());
        field(out, text(event.userId()));
        field(out, text(event.role()));
        field(out, text(event.correlationId()));
        field(out, text(event.causationId()));
        return out.toByteArray();
    }

    /** The timestamp as the canonical form writes it: milliseconds, the precision every event store keeps. */
    public static String timestamp(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(HASH_ALGORITHM);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + HASH_ALGORITHM, e);
        }
    }

    static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(value, 0, length);
    }

    static byte[] text(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
