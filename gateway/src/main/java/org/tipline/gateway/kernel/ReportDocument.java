package org.tipline.gateway.kernel;

import java.util.Arrays;
import java.util.Objects;

import org.tipline.core.json.CanonicalJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A report's content as the gateway keeps and forwards it: RFC 8785 canonical JSON and its SHA-256. The content is
 * opaque to the domain except through the facts the rules read; it is never logged.
 */
public final class ReportDocument {

    private final byte[] canonical;
    private final byte[] digest;

    private ReportDocument(byte[] canonical) {
        this.canonical = canonical;
        this.digest = CanonicalJson.sha256(canonical);
    }

    /** The document of the JSON text {@code json}, canonicalized. */
    public static ReportDocument ofJson(String json) {
        return new ReportDocument(CanonicalJson.canonicalize(Objects.requireNonNull(json, "json")));
    }

    /** The document of a JSON tree, canonicalized. */
    public static ReportDocument of(JsonNode tree) {
        return new ReportDocument(CanonicalJson.canonicalize(Objects.requireNonNull(tree, "tree")));
    }

    /** A document read back from the ledger, already canonical. */
    public static ReportDocument ofCanonical(byte[] canonical) {
        return new ReportDocument(canonical.clone());
    }

    /** How many bytes the canonical form has (without copying it). */
    public int length() {
        return canonical.length;
    }

    public byte[] canonicalBytes() {
        return canonical.clone();
    }

    /** SHA-256 of the canonical bytes: the receipt's {@code contentDigest}. */
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportDocument that && Arrays.equals(canonical, that.canonical);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "ReportDocument[" + canonical.length + " bytes]";
    }
}
