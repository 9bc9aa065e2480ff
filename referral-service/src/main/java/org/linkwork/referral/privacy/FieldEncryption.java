package org.linkwork.referral.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encryption of people's identifiers at rest: AES-256-GCM with a random nonce per value, and keyed
 * hashes (HMAC-SHA256) for the lookups that ciphertext cannot answer (the same NHS number twice).
 * Both keys are derived from one master key in configuration ({@code linkwork.referral.encryption.key},
 * base64 of at least 32 random bytes), so rotating means re-encrypting with a new master.
 */
public final class FieldEncryption {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile FieldEncryption configured;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;

    FieldEncryption(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("linkwork.referral.encryption.key must be at least 32 bytes (base64)");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "linkwork field encryption"), "AES");
        this.indexKey = new SecretKeySpec(derive(masterKey, "linkwork lookup index"), "HmacSHA256");
    }

    /** The instance for the configured master key (JPA converters are not CDI beans, so this is looked up once). */
    public static FieldEncryption configured() {
        FieldEncryption instance = configured;
        if (instance == null) {
            synchronized (FieldEncryption.class) {
                if (configured == null) {
                    String key = ConfigProvider.getConfig().getValue("linkwork.referral.encryption.key", String.class);
                    configured = new FieldEncryption(Base64.getDecoder().decode(key.strip()));
                }
                instance = configured;
            }
        }
        return instance;
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts; a value without the prefix predates encryption and is returned as it is. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // never echo the value: it is someone's identifier
            throw new IllegalStateException("a stored value could not be decrypted with the configured key");
        }
    }

    /** A keyed hash for equality lookups; the same input always gives the same index. */
    public String index(String normalised) {
        if (normalised == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
