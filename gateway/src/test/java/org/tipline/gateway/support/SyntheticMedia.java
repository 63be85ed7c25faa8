package org.tipline.gateway.support;

import java.util.Random;

/** Synthetic evidence: seeded random bytes, never real imagery. */
public final class SyntheticMedia {

    private SyntheticMedia() {
    }

    /** {@code size} random bytes, the same for the same seed. */
    public static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
