package org.tipline.gateway.platform.errors;

import java.util.List;

/**
 * The request body could not be read to its end: the client closed the connection or it broke mid-body. A 400 that
 * nobody is likely to read; what matters is that it is not an internal error, is not logged as one, and that nothing
 * of the body was kept.
 */
public class IncompleteRequestException extends MalformedRequestException {

    private static final long serialVersionUID = 1L;

    public IncompleteRequestException() {
        super("The request body ended before it was complete; nothing was kept.", List.of(new Violation("",
                ViolationCode.INCOMPLETE_BODY, "the body ended before it was complete")));
    }
}
