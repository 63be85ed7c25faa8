package org.tipline.ncmec.api;

/**
 * What NCMEC answered to one call: the HTTP status, the {@code responseCode} (-1 when the body had none, as a 401
 * has none), and the ids and hash the call returns. {@code description} may quote report content (a schema error
 * does): it goes to the gateway with a refusal, never into a log. {@code requestId} is NCMEC's {@code Request-ID}.
 */
public record Answer(int httpStatus, int code, String description, Long reportId, String fileId, String hash,
        String requestId) {

    /** What the answer means for the filing. */
    public Verdict verdict() {
        return Verdict.of(httpStatus, code);
    }

    /** Code, HTTP status and request id: what a log line may say of an answer. */
    public String summary() {
        return "code " + code + ", HTTP " + httpStatus + (requestId == null ? "" : ", Request-ID " + requestId);
    }
}
