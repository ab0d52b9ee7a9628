package com.complaintcase.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import com.complaintcase.values.PersonalData;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts a personal field as {@code pd1:<key id>:<base64url(iv || ciphertext || tag)>}, AES-GCM under the
 * subject's key, with the key id as associated data. Deterministic (see ADR 0008): the IV is the first 12 bytes of
 * HMAC-SHA256(the key's IV key, field name || 0 || plaintext), so the same value of the same field under the same
 * key always encrypts to the same text, and an event serialized twice gives the same bytes.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /**
     * A decrypting cipher per thread: looking one up costs more than the decryption of a field (a replay decrypts
     * every event). Encryption takes a new one each time: a GCM cipher refuses to encrypt twice under one IV.
     */
    private static final ThreadLocal<Cipher> DECRYPTING = ThreadLocal.withInitial(PersonalDataCipher::aesGcm);

    private final DataKeys keys;

    public PersonalDataCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** {@code plaintext} of {@code field} encrypted under {@code subject}'s key; the erased marker stays as it is. */
    public String encrypt(String subject, String field, String plaintext) {
        if (PersonalData.ERASED.equals(plaintext)) {
            return plaintext;
        }
        DataKey key = keys.keyFor(subject);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] iv = Arrays.copyOf(DataKey.hmac(key.ivKey(), field.getBytes(StandardCharsets.UTF_8), new byte[]{0}, clear),
                IV_BYTES);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, iv, clear);
        return PREFIX + key.id() + ":" + ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                .put(iv).put(sealed).array());
    }

    /**
     * The plaintext of a stored value: decrypted while its key exists, {@link PersonalData#ERASED} once the key was
     * destroyed, and a value written before personal data was encrypted as it was stored.
     */
    public String decrypt(String stored) {
        Optional<Sealed> sealed = Sealed.parse(stored);
        if (sealed.isEmpty()) {
            return stored;
        }
        return keys.byId(sealed.get().keyId())
                .map(key -> new String(run(Cipher.DECRYPT_MODE, key, sealed.get().iv(), sealed.get().body()),
                        StandardCharsets.UTF_8))
                .orElse(PersonalData.ERASED);
    }

    /**
     * A stored JSON payload as a reader sees it: every encrypted value decrypted, or {@link PersonalData#ERASED}
     * once its key was destroyed; a value that fails its integrity check is left as stored (the hash chain over the
     * stored bytes reports the alteration). The tree is changed in place and returned.
     */
    public JsonNode readable(JsonNode stored) {
        if (stored instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(readableValue(field.getValue())));
        } else if (stored instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, readableValue(array.get(i)));
            }
        }
        return stored;
    }

    private JsonNode readableValue(JsonNode value) {
        if (value.isTextual() && Sealed.parse(value.asText()).isPresent()) {
            try {
                return TextNode.valueOf(decrypt(value.asText()));
            } catch (IllegalStateException altered) {
                return value;
            }
        }
        return readable(value);
    }

    private static byte[] run(int mode, DataKey key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = mode == Cipher.DECRYPT_MODE ? DECRYPTING.get() : aesGcm();
            cipher.init(mode, key.encryptionKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a personal field encrypted under key " + key.id()
                    + " fails its integrity check: the stored event was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    private static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** A stored encrypted value, taken apart; anything else (a value stored in plaintext) is not one. */
    private record Sealed(String keyId, byte[] iv, byte[] body) {

        static Optional<Sealed> parse(String stored) {
            if (stored == null || !stored.startsWith(PREFIX)) {
                return Optional.empty();
            }
            int colon = stored.indexOf(':', PREFIX.length());
            if (colon < 0) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = DECODER.decode(stored.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            return Optional.of(new Sealed(stored.substring(PREFIX.length(), colon), Arrays.copyOf(bytes, IV_BYTES),
                    Arrays.copyOfRange(bytes, IV_BYTES, bytes.length)));
        }
    }
}
