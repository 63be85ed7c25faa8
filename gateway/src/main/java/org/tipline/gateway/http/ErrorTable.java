package org.tipline.gateway.http;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

import org.tipline.gateway.delivery.AckConflictException;
import org.tipline.gateway.delivery.DeliveryNotFoundException;
import org.tipline.gateway.delivery.NothingToRetryException;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.NotFoundException;
import org.tipline.gateway.platform.errors.PayloadTooLargeException;
import org.tipline.gateway.platform.errors.ProblemType;
import org.tipline.gateway.platform.errors.RateLimitedException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.idempotency.IdempotencyKeyInFlightException;
import org.tipline.gateway.platform.idempotency.IdempotencyKeyReusedException;
import org.tipline.gateway.platform.idempotency.MissingIdempotencyKeyException;
import org.tipline.gateway.report.ReportFileNotFoundException;
import org.tipline.gateway.report.ReportNotFoundException;
import org.tipline.gateway.report.ReportStateException;
import org.tipline.gateway.security.CredentialNotFoundException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one exception-to-problem table, in the HTTP adapter above every feature. Domain exceptions know nothing of HTTP;
 * this is where they get a status. Keep the entries alphabetical. Exceptions not listed are internal errors (500), logged with their stack, and answered
 * without any detail.
 */
public final class ErrorTable {

    private static final Map<Class<? extends Throwable>, ProblemType> TABLE = Map.ofEntries(
            Map.entry(AckConflictException.class, ProblemType.STATE_CONFLICT),
            Map.entry(AuthenticationFailedException.class, ProblemType.UNAUTHORIZED),
            Map.entry(CredentialNotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(DeliveryNotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(ForbiddenException.class, ProblemType.FORBIDDEN),
            Map.entry(IdempotencyKeyInFlightException.class, ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT),
            Map.entry(IdempotencyKeyReusedException.class, ProblemType.IDEMPOTENCY_KEY_REUSED),
            Map.entry(LedgerUnavailableException.class, ProblemType.LEDGER_UNAVAILABLE),
            Map.entry(MalformedRequestException.class, ProblemType.MALFORMED_REQUEST),
            Map.entry(MissingIdempotencyKeyException.class, ProblemType.MALFORMED_REQUEST),
            Map.entry(NotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(NothingToRetryException.class, ProblemType.STATE_CONFLICT),
            Map.entry(PayloadTooLargeException.class, ProblemType.PAYLOAD_TOO_LARGE),
            Map.entry(RateLimitedException.class, ProblemType.RATE_LIMITED),
            Map.entry(ReportFileNotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(ReportNotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(ReportStateException.class, ProblemType.STATE_CONFLICT),
            Map.entry(UnauthorizedException.class, ProblemType.UNAUTHORIZED),
            Map.entry(UnprocessableException.class, ProblemType.VALIDATION_FAILED));

    /** JAX-RS's own exceptions (unknown path, wrong method, content negotiation), by status. */
    private static final Map<Integer, ProblemType> BY_STATUS = Map.of(
            400, ProblemType.MALFORMED_REQUEST,
            401, ProblemType.UNAUTHORIZED,
            403, ProblemType.FORBIDDEN,
            404, ProblemType.NOT_FOUND,
            405, ProblemType.METHOD_NOT_ALLOWED,
            406, ProblemType.NOT_ACCEPTABLE,
            413, ProblemType.PAYLOAD_TOO_LARGE,
            415, ProblemType.UNSUPPORTED_MEDIA_TYPE);

    private ErrorTable() {
    }

    /** The problem type of {@code error}, looking at its class and then its superclasses. */
    public static ProblemType typeOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            ProblemType problem = TABLE.get(type);
            if (problem != null) {
                return problem;
            }
        }
        if (error instanceof WebApplicationException web) {
            return BY_STATUS.getOrDefault(web.getResponse().getStatus(), ProblemType.INTERNAL);
        }
        return ProblemType.INTERNAL;
    }
}
