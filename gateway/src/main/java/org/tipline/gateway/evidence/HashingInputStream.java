package org.tipline.gateway.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Counts and hashes (MD5, SHA-1, SHA-256) what is read through it, and stops past a size limit. */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");
    private final long limit;
    private long size;
    private boolean exceeded;

    HashingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
        if (n > 0) {
            size += n;
            if (size > limit) {
                exceeded = true;
                throw new IOException("Upload exceeds " + limit + " bytes");
            }
            md5.update(buffer, offset, n);
            sha1.update(buffer, offset, n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    boolean exceeded() {
        return exceeded;
    }

    long size() {
        return size;
    }

    byte[] md5() {
        return md5.digest();
    }

    byte[] sha1() {
        return sha1.digest();
    }

    byte[] sha256() {
        return sha256.digest();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** Reading the upload itself failed: the client's side (closed connection, broken body), not the store's. */
    static final class UploadInterruptedException extends IOException {

        private static final long serialVersionUID = 1L;

        UploadInterruptedException(IOException cause) {
            super("The upload ended before it was complete", cause);
        }
    }
}
