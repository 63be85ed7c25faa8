package org.tipline.gateway.delivery;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * How large an envelope can get, known before its message is queued: an upper bound from the sizes of what it
 * carries. The sealed content is base64url (4/3) of the canonical plaintext (the document, each file's details and
 * reference, the platform id); around it the clear fields, one digest per file, the JWE header, the signature and the
 * Kafka record's key and headers. A message whose bound exceeds {@link DeliveryConfig#maxMessageBytes()} is refused
 * before anything is committed, so the gateway never accepts what it could never forward.
 */
@Singleton
public class EnvelopeBudget {

    /** Clear fields, JWE header with its ephemeral key, IV, tag, signature, record key and headers. */
    static final int FIXED_OVERHEAD = 4096;
    /**
     * A file reference in the plaintext without its details: ids, digests, size, link, field names, and a media type
     * of up to 255 characters each of which JSON may escape to six bytes.
     */
    static final int FILE_REFERENCE = 2048;
    /** A file's digest in clear ({@code fileDigests}). */
    static final int FILE_DIGEST = 67;
    /** The platform id and the plaintext's own field names. */
    static final int PLAINTEXT_OVERHEAD = 512;

    private final int limit;
    private final int baseUrlBytes;

    @Inject
    EnvelopeBudget(DeliveryConfig config) {
        this(config.maxMessageBytes(), config.publicBaseUrl().map(String::length).orElse(0));
    }

    EnvelopeBudget(int limit, int baseUrlBytes) {
        this.limit = limit;
        this.baseUrlBytes = baseUrlBytes;
    }

    /** The largest record the gateway writes. */
    public int limit() {
        return limit;
    }

    /** An upper bound of the size of the record carrying {@code size}. */
    public long bound(MessageSize size) {
        long plaintext = PLAINTEXT_OVERHEAD + size.documentBytes();
        for (int details : size.fileDetailsBytes()) {
            plaintext += details + FILE_REFERENCE + baseUrlBytes;
        }
        return FIXED_OVERHEAD + (plaintext * 4 + 2) / 3 + (long) FILE_DIGEST * size.fileDetailsBytes().size();
    }

    /** The largest document with no file that fits. */
    public long largestDocument() {
        return (limit - FIXED_OVERHEAD) * 3L / 4 - PLAINTEXT_OVERHEAD;
    }

    /**
     * Refuses a message whose envelope could exceed the limit.
     *
     * @return the bound, to keep with the message
     * @throws UnprocessableException ({@code TOO_LARGE_TO_FORWARD}) when it could
     */
    public int check(MessageSize size) {
        long bound = bound(size);
        if (bound > limit) {
            throw new UnprocessableException("Too large to forward", List.of(new Violation("",
                    ViolationCode.TOO_LARGE_TO_FORWARD, "with its " + size.fileDetailsBytes().size()
                            + " files' details this would make a message of up to " + bound + " bytes; the"
                            + " receivers' topics take at most " + limit + " (send fewer files with this report and"
                            + " the rest in supplements, or shorten their details)")));
        }
        return (int) bound;
    }
}
