package com.complaintcase.platform.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * One data subject's key, unwrapped: its id (named in every value it encrypted), its subject, and the two keys derived from its
 * secret, one for AES-GCM and one for the HMAC that derives each value's IV.
 */
public final class DataKey {

    private final String id;
    private final String subject;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec ivKey;

    DataKey(String id, String subject, byte[] secret) {
        this.id = id;
        this.subject = subject;
        this.encryptionKey = new SecretKeySpec(derive(secret, "complaints/pd1/encryption"), "AES");
        this.ivKey = new SecretKeySpec(derive(secret, "complaints/pd1/iv"), "HmacSHA256");
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    SecretKeySpec encryptionKey() {
        return encryptionKey;
    }

    SecretKeySpec ivKey() {
        return ivKey;
    }

    static byte[] hmac(SecretKeySpec key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private static byte[] derive(byte[] secret, String label) {
        return hmac(new SecretKeySpec(secret, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
    }
}
