package org.tipline.gateway.platform.errors;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, as every 4xx and 5xx answer carries it; {@code violations} for 400 and 422. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
