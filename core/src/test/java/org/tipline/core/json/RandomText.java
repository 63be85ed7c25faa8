package org.tipline.core.json;

import java.util.Random;

/** Random text for the canonicalization tests: any code point but lone surrogates, ASCII more often. */
final class RandomText {

    private RandomText() {
    }

    /** Up to {@code maxCodePoints - 1} code points, one in {@code asciiOneIn} of them below 0x80. */
    static String of(Random random, int maxCodePoints, int asciiOneIn) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxCodePoints); i > 0; i--) {
            int codePoint = random.nextInt(asciiOneIn) == 0 ? random.nextInt(0x80) : random.nextInt(0x10FFFF);
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                continue;
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
