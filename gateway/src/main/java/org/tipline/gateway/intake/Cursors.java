package org.tipline.gateway.intake;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Opaque pagination cursors: the last report id of a page, base64url. */
final class Cursors {

    private Cursors() {
    }

    static String encode(UUID last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(16)
                .putLong(last.getMostSignificantBits()).putLong(last.getLeastSignificantBits()).array());
    }

    /** The report id a cursor stands for, or null for no cursor; 400 for anything that is not a cursor. */
    static UUID decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
        } catch (IllegalArgumentException e) {
            // not base64url: reported below
        }
        throw new MalformedRequestException("Invalid cursor", List.of(new Violation("", ViolationCode.INVALID_FORMAT,
                "query parameter cursor: use the nextCursor of a previous page")));
    }
}
