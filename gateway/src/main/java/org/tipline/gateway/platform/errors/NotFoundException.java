package org.tipline.gateway.platform.errors;

/**
 * Nothing of that name exists for the caller (answered 404); the message names what was looked for. Each kind of
 * thing has its own subclass (report, file, credential, delivery), so the problem's detail says which was missing.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 64;

    public NotFoundException(String message) {
        super(message);
    }

    /** {@code value} as a detail may show it: at most 64 characters of what the caller sent. */
    protected static String shown(String value) {
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) : value;
    }
}
