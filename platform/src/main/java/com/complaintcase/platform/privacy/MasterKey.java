package com.complaintcase.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key the data subjects' keys are stored under (AES-GCM, a random IV per wrapped key, bound to the key's id
 * and subject), from {@code complaints.privacy.master-key}: base64 of 16, 24 or 32 bytes.
 */
public final class MasterKey {

    static final String PROPERTY = "complaints.privacy.master-key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private MasterKey(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** Fails with a message naming the property when it is missing or not an AES key in base64. */
    public static MasterKey fromBase64(String base64, SecureRandom random) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set: personal data cannot be encrypted without it."
                    + " Set it (e.g. COMPLAINTS_PRIVACY_MASTER_KEY) to the base64 of 32 random bytes,"
                    + " the same on the command and the query side");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(PROPERTY + " must be the base64 of 16, 24 or 32 bytes, not " + bytes.length);
        }
        return new MasterKey(bytes, random);
    }

    byte[] wrap(byte[] secret, String keyId, String subject) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, keyId, subject, secret);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    byte[] unwrap(byte[] wrapped, String keyId, String subject) {
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(wrapped, IV_BYTES), keyId, subject,
                Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length));
    }

    private byte[] run(int mode, byte[] iv, String keyId, String subject, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((keyId + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key " + keyId + " cannot be unwrapped with the configured "
                    + PROPERTY + " (a different master key?)", e);
        }
    }
}
