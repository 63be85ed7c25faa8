package org.tipline.gateway.platform.crypto;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Reads evidence objects written before 0.2 by the gateway's own segmented AES-GCM (version byte 1): the STREAM
 * construction, a 7-byte random nonce prefix after the version byte, then 64 KiB plaintext segments, each sealed with
 * AES-256-GCM under nonce {@code prefix || counter || last-flag} and the caller's associated data. New objects are
 * written with Tink's streaming AEAD ({@link EvidenceCipher}); this only decrypts, so existing evidence stays
 * readable. Reordered, dropped, truncated or altered segments fail to decrypt.
 */
final class LegacySegmentedAead {

    /** The version byte of these objects. */
    static final int VERSION = 1;
    static final int SEGMENT = 64 * 1024;
    private static final int TAG = 16;
    private static final int PREFIX = 7;

    private LegacySegmentedAead() {
    }

    /** Decrypts {@code source}, positioned just after the version byte. */
    static InputStream decrypting(SecretKey key, byte[] associatedData, InputStream source) throws IOException {
        return new Decrypting(key, associatedData, source);
    }

    private static byte[] open(SecretKey key, byte[] prefix, int counter, boolean last, byte[] associatedData,
            byte[] sealed) throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 0, sealed.length);
        } catch (AEADBadTagException e) {
            throw new EvidenceIntegrityException("Evidence segment " + counter + " failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed on segment " + counter, e);
        }
    }

    private static final class Decrypting extends InputStream {

        private final SecretKey key;
        private final byte[] associatedData;
        private final PushbackInputStream source;
        private final byte[] prefix = new byte[PREFIX];
        private byte[] plain = new byte[0];
        private int position;
        private int counter;
        private boolean finished;

        Decrypting(SecretKey key, byte[] associatedData, InputStream source) throws IOException {
            this.key = key;
            this.associatedData = associatedData.clone();
            this.source = new PushbackInputStream(source, 1);
            if (this.source.readNBytes(prefix, 0, PREFIX) != PREFIX) {
                throw new EvidenceIntegrityException("Evidence object truncated in its header", null);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, target, offset, n);
            position += n;
            return n;
        }

        private void nextSegment() throws IOException {
            byte[] sealed = source.readNBytes(SEGMENT + TAG);
            if (sealed.length < TAG) {
                throw new EvidenceIntegrityException("Evidence object truncated", new EOFException());
            }
            int next = source.read();
            boolean last = next < 0;
            if (!last) {
                source.unread(next);
            }
            plain = open(key, prefix, counter++, last, associatedData, sealed);
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
