package org.tipline.gateway.platform.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tipline.core.json.CanonicalJson;

/** What a retry must repeat to be the same request: method, path, query and the (canonical) body digest. */
public final class RequestDigest {

    private RequestDigest() {
    }

    /** The digest of a JSON request: the body counts in its RFC 8785 canonical form. */
    public static byte[] ofJson(String method, String path, String query, byte[] body) {
        byte[] canonical = body == null || body.length == 0
                ? new byte[0]
                : CanonicalJson.canonicalize(new String(body, StandardCharsets.UTF_8));
        return of(method, path, query, CanonicalJson.sha256(canonical));
    }

    /** The digest of a request whose body has SHA-256 {@code bodySha256}. */
    public static byte[] of(String method, String path, String query, byte[] bodySha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[]{method, path, sortedQuery(query)}) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeBytes(bodySha256);
        return CanonicalJson.sha256(out.toByteArray());
    }

    private static String sortedQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        String[] pairs = query.split("&");
        Arrays.sort(pairs);
        return String.join("&", pairs);
    }
}
