package com.complaintcase.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/** Stands in for the bank's identity provider: an RSA key pair of its own, and RS256 tokens signed with it. */
final class IdentityProvider {

    private final KeyPair keys;

    private IdentityProvider(KeyPair keys) {
        this.keys = keys;
    }

    static IdentityProvider withNewKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new IdentityProvider(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }

    /** The key pair, for a real OpenID provider that signs its tokens with it. */
    KeyPair keyPair() {
        return keys;
    }

    /** Writes the public key as PEM, where {@code spring.security.oauth2.resourceserver.jwt.public-key-location} reads it. */
    Path publishPublicKey(Path directory) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            return Files.writeString(directory.resolve("identity-provider.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token for {@code subject} with the given claims, valid from a minute ago for {@code lifetime} from then. */
    String token(String subject, Map<String, Object> claims, Duration lifetime) {
        Instant issuedAt = Instant.now().minus(Duration.ofMinutes(1));
        return sign(subject, claims, issuedAt, issuedAt.plus(lifetime), keys.getPrivate());
    }

    String token(String subject, Map<String, Object> claims) {
        return token(subject, claims, Duration.ofMinutes(10));
    }

    /** A token that expired {@code ago}. */
    String expiredToken(String subject, Map<String, Object> claims, Duration ago) {
        Instant expiredAt = Instant.now().minus(ago);
        return sign(subject, claims, expiredAt.minus(Duration.ofMinutes(10)), expiredAt, keys.getPrivate());
    }

    /** A well-formed token signed by somebody else's key. */
    static String forgedToken(String subject, Map<String, Object> claims) {
        Instant issuedAt = Instant.now().minus(Duration.ofMinutes(1));
        return sign(subject, claims, issuedAt, issuedAt.plus(Duration.ofMinutes(10)), withNewKeys().keys.getPrivate());
    }

    private static String sign(String subject, Map<String, Object> claims, Instant issuedAt, Instant expiresAt,
                               PrivateKey key) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://idp.bank.example")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
