package org.tipline.gateway.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Encrypts evidence files as streams, never holding a file whole: Tink's streaming AEAD AES-GCM-HKDF (AES-256, HKDF
 * with SHA-256, 64 KiB segments) under the active content key. Tink derives a fresh key for every file from a random
 * salt in its header, so no nonce can repeat across files under one content key. An object starts with a version
 * byte: 2 for these, 1 for the gateway's earlier segmented AES-GCM, which stays readable. Reading altered, truncated
 * or misplaced ciphertext fails with an {@link IOException} ({@link EvidenceIntegrityException} for unknown versions).
 */
@Singleton
public class EvidenceCipher {

    /** The version byte of objects written with Tink's streaming AEAD. */
    static final int TINK_STREAMING = 2;
    static final int SEGMENT_BYTES = 64 * 1024;

    private final ContentCipher keys;
    private final Map<String, StreamingAead> streaming = new ConcurrentHashMap<>();

    public EvidenceCipher(ContentCipher keys) {
        this.keys = keys;
    }

    /** The id of the content key new objects are encrypted with. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /**
     * Wraps {@code sink} so that what is written is stored encrypted with the active key, bound to
     * {@code associatedData}. Closing the stream seals the last segment.
     */
    public OutputStream encryptingStream(OutputStream sink, byte[] associatedData) throws IOException {
        sink.write(TINK_STREAMING);
        try {
            return streaming(keys.activeKeyId()).newEncryptingStream(sink, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("Tink streaming AEAD could not start", e);
        }
    }

    /** Reads what {@link #encryptingStream} (or the earlier segmented cipher) wrote with key {@code keyId}. */
    public InputStream decryptingStream(String keyId, InputStream source, byte[] associatedData) throws IOException {
        int version = source.read();
        if (version == LegacySegmentedAead.VERSION) {
            return LegacySegmentedAead.decrypting(keys.key(keyId), associatedData, source);
        }
        if (version != TINK_STREAMING) {
            source.close();
            throw new EvidenceIntegrityException("Not an evidence object of a known version", null);
        }
        try {
            return streaming(keyId).newDecryptingStream(source, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("Tink streaming AEAD could not start", e);
        }
    }

    private StreamingAead streaming(String keyId) {
        return streaming.computeIfAbsent(keyId, id -> {
            try {
                AesGcmHkdfStreamingParameters parameters = AesGcmHkdfStreamingParameters.builder().setKeySizeBytes(32)
                        .setDerivedAesGcmKeySizeBytes(32)
                        .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                        .setCiphertextSegmentSizeBytes(SEGMENT_BYTES).build();
                return AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(parameters,
                        SecretBytes.copyFrom(keys.key(id).getEncoded(), InsecureSecretKeyAccess.get())));
            } catch (GeneralSecurityException e) {
                throw new KeyMaterialException("Content key " + id + " cannot be used for streaming", e);
            }
        });
    }
}
