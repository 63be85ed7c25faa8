package org.tipline.gateway.platform.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming evidence cipher: round trips at segment edges, and detection of every kind of tampering. */
class SegmentedAeadTest {

    private static final int SEGMENT = SegmentedAead.SEGMENT;
    private static final byte[] AAD = {'E', 1, 2, 3};
    private final SecretKey key = key();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 3 * SEGMENT + 17})
    void roundTrips(int size) throws IOException {
        // Given
        byte[] plain = random(size);
        // When
        byte[] sealed = encrypt(plain, AAD);
        // Then
        assertThat(decrypt(sealed, AAD)).isEqualTo(plain);
        int segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
        assertThat(sealed.length).as("header, data and one tag per segment").isEqualTo(8 + size + 16 * segments);
    }

    @Test
    void aFlippedBitFails() throws IOException {
        byte[] sealed = encrypt(random(2 * SEGMENT), AAD);
        sealed[8 + SEGMENT + 20] ^= 1;
        assertThatThrownBy(() -> decrypt(sealed, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingLastSegmentFails() throws IOException {
        byte[] sealed = encrypt(random(2 * SEGMENT + 5), AAD);
        byte[] truncated = Arrays.copyOf(sealed, 8 + 2 * (SEGMENT + 16));
        assertThatThrownBy(() -> decrypt(truncated, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void swappedSegmentsFail() throws IOException {
        byte[] sealed = encrypt(random(3 * SEGMENT), AAD);
        int size = SEGMENT + 16;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, 8, swapped, 8 + size, size);
        System.arraycopy(sealed, 8 + size, swapped, 8, size);
        assertThatThrownBy(() -> decrypt(swapped, AAD)).isInstanceOf(IOException.class);
    }

    @Test
    void anotherFilesIdentityFails() throws IOException {
        byte[] sealed = encrypt(random(100), AAD);
        assertThatThrownBy(() -> decrypt(sealed, new byte[]{'E', 9})).isInstanceOf(IOException.class);
    }

    @Test
    void theCiphertextDoesNotContainThePlaintext() throws IOException {
        byte[] plain = "SYNTHETIC-MARKER-".repeat(1000).getBytes();
        String sealed = new String(encrypt(plain, AAD), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("SYNTHETIC-MARKER");
    }

    private byte[] encrypt(byte[] plain, byte[] aad) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = SegmentedAead.encrypting(key, aad, out)) {
            encrypting.write(plain);
        }
        return out.toByteArray();
    }

    private byte[] decrypt(byte[] sealed, byte[] aad) throws IOException {
        try (InputStream in = SegmentedAead.decrypting(key, aad, new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static SecretKey key() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
