package org.tipline.gateway.platform.errors;

/** The kinds of problem the API answers with: status, a stable type URI and a title (RFC 9457). */
public enum ProblemType {

    MALFORMED_REQUEST(400, "malformed-request", "The request is not well-formed"), UNAUTHORIZED(401, "unauthorized",
            "A valid credential is required"), FORBIDDEN(403, "forbidden",
                    "This credential may not do that"), NOT_FOUND(404, "not-found", "Not found"), METHOD_NOT_ALLOWED(
                            405, "method-not-allowed", "Method not allowed"), NOT_ACCEPTABLE(406, "not-acceptable",
                                    "No acceptable representation"), STATE_CONFLICT(409, "state-conflict",
                                            "The report is not in a state that allows this"), IDEMPOTENCY_KEY_IN_FLIGHT(
                                                    409, "idempotency-key-in-flight",
                                                    "A request with this Idempotency-Key is in progress"), PAYLOAD_TOO_LARGE(
                                                            413, "payload-too-large",
                                                            "The request body is too large"), UNSUPPORTED_MEDIA_TYPE(
                                                                    415, "unsupported-media-type",
                                                                    "Unsupported content type"), VALIDATION_FAILED(422,
                                                                            "validation-failed",
                                                                            "The request is not valid"), IDEMPOTENCY_KEY_REUSED(
                                                                                    422, "idempotency-key-reused",
                                                                                    "The Idempotency-Key was used with a different request"), RATE_LIMITED(
                                                                                            429, "rate-limited",
                                                                                            "Too many requests"), INTERNAL(
                                                                                                    500,
                                                                                                    "internal-error",
                                                                                                    "Internal error"), LEDGER_UNAVAILABLE(
                                                                                                            503,
                                                                                                            "ledger-unavailable",
                                                                                                            "The ledger is unavailable; nothing was recorded");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The stable type URI, e.g. {@code urn:tipline:problem:validation-failed}. */
    public String uri() {
        return "urn:tipline:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
