package org.tipline.gateway.platform.crypto;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streaming authenticated encryption for evidence files (the STREAM construction of Hoang, Reyhanitabar, Rogaway and
 * Vizár, as in Tink's streaming AEAD): a header (version, 7-byte random nonce prefix), then 64 KiB plaintext segments,
 * each sealed with AES-256-GCM under nonce {@code prefix || counter || last-flag} and the caller's associated data.
 * Reordered, dropped, truncated or altered segments fail to decrypt; no file is ever buffered whole.
 */
final class SegmentedAead {

    static final int SEGMENT = 64 * 1024;
    private static final int TAG = 16;
    private static final byte VERSION = 1;
    private static final int PREFIX = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SegmentedAead() {
    }

    static OutputStream encrypting(SecretKey key, byte[] associatedData, OutputStream sink) throws IOException {
        return new Encrypting(key, associatedData, sink);
    }

    static InputStream decrypting(SecretKey key, byte[] associatedData, InputStream source) throws IOException {
        return new Decrypting(key, associatedData, source);
    }

    private static byte[] seal(SecretKey key, byte[] prefix, int counter, boolean last, byte[] associatedData,
            byte[] data, int length, int mode) throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(data, 0, length);
        } catch (AEADBadTagException e) {
            throw new EvidenceIntegrityException("Evidence segment " + counter + " failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed on segment " + counter, e);
        }
    }

    /** Thrown while reading evidence that was altered, truncated or encrypted under another identity. */
    static final class EvidenceIntegrityException extends IOException {

        private static final long serialVersionUID = 1L;

        EvidenceIntegrityException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Encrypting extends FilterOutputStream {

        private final SecretKey key;
        private final byte[] associatedData;
        private final byte[] prefix = new byte[PREFIX];
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int counter;
        private boolean closed;

        Encrypting(SecretKey key, byte[] associatedData, OutputStream sink) throws IOException {
            super(sink);
            this.key = key;
            this.associatedData = associatedData.clone();
            RANDOM.nextBytes(prefix);
            sink.write(VERSION);
            sink.write(prefix);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == SEGMENT) {
                    flushSegment(false); // more data follows, so this full segment is not the last
                }
                int n = Math.min(length, SEGMENT - filled);
                System.arraycopy(data, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void flushSegment(boolean last) throws IOException {
            out.write(seal(key, prefix, counter++, last, associatedData, buffer, filled, Cipher.ENCRYPT_MODE));
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                flushSegment(true);
                out.close();
            }
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
            int version = this.source.read();
            if (version != VERSION || this.source.readNBytes(prefix, 0, PREFIX) != PREFIX) {
                throw new EvidenceIntegrityException("Not an evidence object of version " + VERSION, null);
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
            plain = seal(key, prefix, counter++, last, associatedData, sealed, sealed.length, Cipher.DECRYPT_MODE);
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
