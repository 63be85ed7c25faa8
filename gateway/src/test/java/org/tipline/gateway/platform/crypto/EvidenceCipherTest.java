package org.tipline.gateway.platform.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evidence cipher: Tink's streaming AEAD round trips at segment edges, derives a fresh key per file, detects every
 * kind of tampering; and evidence written by the earlier segmented AES-GCM (a committed object of version 1) still
 * reads, and still detects tampering.
 */
class EvidenceCipherTest {

    private static final int SEGMENT = EvidenceCipher.SEGMENT_BYTES;
    private static final byte[] AAD = {'E', 1, 2, 3};
    /** The committed object was written by the segmented AES-GCM of 0.1 with this key, file id and plaintext. */
    private static final String LEGACY_OBJECT = "/evidence/legacy-v1-01a210aa-0000-7000-8000-000000000001.ev";
    private static final UUID LEGACY_FILE = UUID.fromString("01a210aa-0000-7000-8000-000000000001");
    private static final String LEGACY_PLAIN_SHA256 = "c326b917c65a0333b709d8a82d34572b82b5ee9d4ef6dbfeeae41f9d2f5c3817";

    private final EvidenceCipher cipher = new EvidenceCipher(new ContentCipher(keys(randomKey())));

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, SEGMENT - 100, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 3 * SEGMENT + 17})
    void roundTrips(int size) throws IOException {
        // Given
        byte[] plain = random(size);
        // When
        byte[] sealed = encrypt(plain, AAD);
        // Then
        assertThat(sealed[0]).as("version byte").isEqualTo((byte) EvidenceCipher.TINK_STREAMING);
        assertThat(decrypt(sealed, AAD)).isEqualTo(plain);
    }

    @Test
    void everyFileGetsItsOwnDerivedKey() throws IOException {
        // Given
        byte[] plain = random(1000);
        // When
        byte[] first = encrypt(plain, AAD);
        byte[] second = encrypt(plain, AAD);
        // Then: a random salt in each header, so the same bytes under the same key share no ciphertext
        assertThat(first).hasSameSizeAs(second);
        assertThat(Arrays.copyOfRange(first, 1, 33)).isNotEqualTo(Arrays.copyOfRange(second, 1, 33));
        assertThat(Arrays.copyOfRange(first, first.length - 200, first.length))
                .isNotEqualTo(Arrays.copyOfRange(second, second.length - 200, second.length));
    }

    @Test
    void aFlippedBitFails() throws IOException {
        byte[] sealed = encrypt(random(2 * SEGMENT), AAD);
        sealed[SEGMENT + 20] ^= 1;
        assertThatThrownBy(() -> decrypt(sealed, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingLastSegmentFails() throws IOException {
        byte[] sealed = encrypt(random(2 * SEGMENT + 5), AAD);
        byte[] truncated = Arrays.copyOf(sealed, 1 + 2 * SEGMENT);
        assertThatThrownBy(() -> decrypt(truncated, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void swappedSegmentsFail() throws IOException {
        byte[] sealed = encrypt(random(4 * SEGMENT), AAD);
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, 1 + SEGMENT, swapped, 1 + 2 * SEGMENT, SEGMENT);
        System.arraycopy(sealed, 1 + 2 * SEGMENT, swapped, 1 + SEGMENT, SEGMENT);
        assertThatThrownBy(() -> decrypt(swapped, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void anotherFilesIdentityFails() throws IOException {
        byte[] sealed = encrypt(random(100), AAD);
        assertThatThrownBy(() -> decrypt(sealed, new byte[]{'E', 9})).isInstanceOf(IOException.class);
    }

    @Test
    void anUnknownVersionFails() throws IOException {
        byte[] sealed = encrypt(random(100), AAD);
        sealed[0] = 9;
        assertThatThrownBy(() -> decrypt(sealed, AAD)).isInstanceOf(EvidenceIntegrityException.class);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() throws IOException {
        byte[] plain = "SYNTHETIC-MARKER-".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        String sealed = new String(encrypt(plain, AAD), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("SYNTHETIC-MARKER");
    }

    @Test
    void evidenceWrittenByTheEarlierCipherStillReads() throws Exception {
        // Given: an object of version 1, written with the fixture key before the move to Tink
        EvidenceCipher withLegacyKey = new EvidenceCipher(new ContentCipher(keys(legacyKey())));
        byte[] stored = legacyObject();
        // When
        byte[] plain = decrypt(withLegacyKey, stored, legacyAssociatedData());
        // Then
        assertThat(stored[0]).isEqualTo((byte) 1);
        assertThat(plain).hasSize(140_000).isEqualTo(legacyPlaintext());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain)))
                .isEqualTo(LEGACY_PLAIN_SHA256);
    }

    @Test
    void tamperedEarlierEvidenceStillFails() throws Exception {
        EvidenceCipher withLegacyKey = new EvidenceCipher(new ContentCipher(keys(legacyKey())));
        byte[] stored = legacyObject();
        stored[100_000] ^= 1;
        assertThatThrownBy(() -> decrypt(withLegacyKey, stored, legacyAssociatedData()))
                .isInstanceOf(IOException.class);
        byte[] truncated = Arrays.copyOf(legacyObject(), 8 + 2 * (LegacySegmentedAead.SEGMENT + 16));
        assertThatThrownBy(() -> decrypt(withLegacyKey, truncated, legacyAssociatedData()))
                .isInstanceOf(IOException.class);
    }

    private byte[] encrypt(byte[] plain, byte[] aad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encryptingStream(out, aad)) {
            encrypting.write(plain);
        }
        return out.toByteArray();
    }

    private byte[] decrypt(byte[] sealed, byte[] aad) throws IOException {
        return decrypt(cipher, sealed, aad);
    }

    private static byte[] decrypt(EvidenceCipher with, byte[] sealed, byte[] aad) throws IOException {
        try (InputStream in = with.decryptingStream("test-1", new ByteArrayInputStream(sealed), aad)) {
            return in.readAllBytes();
        }
    }

    private static byte[] legacyObject() throws IOException {
        try (InputStream in = EvidenceCipherTest.class.getResourceAsStream(LEGACY_OBJECT)) {
            return in.readAllBytes();
        }
    }

    /** The synthetic plaintext of the committed object: 140,000 bytes of java.util.Random(20261202). */
    private static byte[] legacyPlaintext() {
        byte[] plain = new byte[140_000];
        new Random(20261202L).nextBytes(plain);
        return plain;
    }

    private static byte[] legacyAssociatedData() {
        return ByteBuffer.allocate(17).put((byte) 'E').putLong(LEGACY_FILE.getMostSignificantBits())
                .putLong(LEGACY_FILE.getLeastSignificantBits()).array();
    }

    private static byte[] legacyKey() throws Exception {
        return MessageDigest.getInstance("SHA-256")
                .digest("tipline legacy evidence fixture key (synthetic)".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] randomKey() {
        return random(32);
    }

    private static KeysConfig keys(byte[] key) {
        String encoded = Base64.getEncoder().encodeToString(key);
        return new KeysConfig() {

            @Override
            public Optional<Path> directory() {
                return Optional.empty();
            }

            @Override
            public boolean generateMissing() {
                return false;
            }

            @Override
            public Optional<Path> signingKeyFile() {
                return Optional.empty();
            }

            @Override
            public Optional<List<Path>> retiredSigningKeyFiles() {
                return Optional.empty();
            }

            @Override
            public Map<String, String> contentKeys() {
                return Map.of("test-1", encoded);
            }

            @Override
            public Optional<String> activeContentKey() {
                return Optional.of("test-1");
            }
        };
    }
}
