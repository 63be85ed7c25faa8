package org.tipline.gateway.http;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tipline.gateway.intake.IntakeMetrics;
import org.tipline.gateway.platform.db.AmbiguousCommitException;
import org.tipline.gateway.platform.db.LedgerUnavailableException;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.Problem;
import org.tipline.gateway.platform.errors.ProblemType;
import org.tipline.gateway.platform.errors.RateLimitedException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.security.ApiKeyIdentityProvider;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Answers every error as an RFC 9457 problem document, using {@link ErrorTable}. Client errors are logged on one line
 * at DEBUG, server errors at ERROR with the stack. No stack trace, class name or SQL ever reaches the client: the
 * detail of a 5xx is fixed text, and the detail of a 4xx is the message of a gateway exception, which never contains
 * request content.
 */
public class ProblemMapper {

    /** The most violations a problem document lists. */
    static final int MAX_VIOLATIONS = 100;
    private static final Logger LOGGER = Logger.getLogger(ProblemMapper.class);

    private final IntakeMetrics metrics;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    ProblemMapper(IntakeMetrics metrics, AuditTrail audit, SecurityIdentity identity) {
        this.metrics = metrics;
        this.audit = audit;
        this.identity = identity;
    }
    private static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Security and JAX-RS exceptions have mappers of their own in Quarkus, which answer without a problem document;
     * naming them here, at a higher priority, routes them through the one table too.
     */
    @ServerExceptionMapper(priority = 1, value = {io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.UnauthorizedException.class, io.quarkus.security.ForbiddenException.class,
            jakarta.ws.rs.WebApplicationException.class, jakarta.ws.rs.NotFoundException.class,
            jakarta.ws.rs.NotAllowedException.class, jakarta.ws.rs.NotSupportedException.class,
            jakarta.ws.rs.NotAcceptableException.class, jakarta.ws.rs.BadRequestException.class})
    public Response securityOrJaxRs(ContainerRequestContext request, Throwable error) {
        return toProblem(request, error);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response toProblem(ContainerRequestContext request, Throwable error) {

        ProblemType type = ErrorTable.typeOf(error);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (type.status() >= 500) {
            if (error instanceof LedgerUnavailableException) {
                LOGGER.warnf("%s %s: ledger unavailable (%s)", request.getMethod(), path, rootCause(error));
            } else {
                LOGGER.errorf(error, "%s %s failed", request.getMethod(), path);
            }
        } else {
            LOGGER.debugf("%s %s: %d %s", request.getMethod(), path, type.status(), type.name());
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail(type, error), path,
                RequestIdFilter.of(request), violations(error));
        if (path.startsWith("/v1/reports") && "POST".equals(request.getMethod())) {
            metrics.rejected(type, problem.violations());
            auditRejection(path, type, problem.violations());
        }
        Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (error instanceof RateLimitedException limited) {
            response.header("Retry-After", RateLimitedException.seconds(limited.retryAfter()));
        } else if (type == ProblemType.LEDGER_UNAVAILABLE) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        } else if (type == ProblemType.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer realm=\"tipline\"");
        }
        return response.build();
    }

    /**
     * Records a refused submission of an authenticated platform: platform, status and codes only. Not for 5xx (the
     * ledger may be down) and never on an I/O thread, which must not block on the database.
     */
    private void auditRejection(String path, ProblemType type, List<Violation> violations) {
        if (type.status() >= 500 || type == ProblemType.UNAUTHORIZED || type == ProblemType.FORBIDDEN
                || type == ProblemType.RATE_LIMITED || io.vertx.core.Context.isOnEventLoopThread()) {
            // a flood of refused requests must not become a flood of permanent audit leaves: counted only
            return;
        }
        Caller caller;
        try {
            caller = identity.isAnonymous() ? null : identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        } catch (RuntimeException e) {
            return; // no usable identity: nothing to attribute the refusal to
        }

        if (caller == null || caller.platformId() == null) {
            return;
        }
        List<String> codes = violations == null
                ? List.of()
                : violations.stream().map(v -> v.code().name()).distinct().sorted().toList();
        audit.recordRefusal(AuditEntries.reportRejected(caller.auditActor(), caller.platformId(), auditedPath(path),
                type.status(), type.name(), codes));
    }

    private static final java.util.regex.Pattern REPORT_OPERATION = java.util.regex.Pattern.compile(
            "/v1/reports/[^/]+/(finish|retract|supplements|escalations|files)/?");

    /**
     * The route a refused request was for, never the path as sent: audit leaves are permanent, so what the caller
     * chose (ids, stray segments) must not become part of them.
     */
    static String auditedPath(String path) {
        if (path.equals("/v1/reports") || path.equals("/v1/reports/")) {
            return "/v1/reports";
        }
        java.util.regex.Matcher operation = REPORT_OPERATION.matcher(path);
        return operation.matches() ? "/v1/reports/{id}/" + operation.group(1) : "/v1/reports/{unknown}";
    }

    private static String detail(ProblemType type, Throwable error) {
        return switch (type) {
            case INTERNAL -> "The gateway could not complete the request; it has been logged with the request id.";
            case LEDGER_UNAVAILABLE -> error instanceof AmbiguousCommitException
                    ? "The ledger database was lost while committing: the request may have been recorded. Retry with"
                            + " the same Idempotency-Key to learn its outcome."
                    : "The ledger database cannot be reached; nothing was recorded. Retry later.";
            case UNAUTHORIZED -> "Send Authorization: Bearer <credential> with a valid, unrevoked credential.";
            case FORBIDDEN -> "The credential's role does not allow this operation.";
            case NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> fromJaxRs(type, error);
            default -> error.getMessage();
        };
    }

    /** JAX-RS messages can name classes; ours never do, so only gateway exceptions keep their message. */
    private static String fromJaxRs(ProblemType type, Throwable error) {
        if (error instanceof jakarta.ws.rs.WebApplicationException) {
            return switch (type) {
                case NOT_FOUND -> "No resource at this path.";
                case METHOD_NOT_ALLOWED -> "This resource does not support the method.";
                case NOT_ACCEPTABLE -> "The resource cannot produce any of the accepted media types.";
                default -> "The request's Content-Type is not accepted here.";
            };
        }
        return error.getMessage();
    }

    private static List<Violation> violations(Throwable error) {
        if (error instanceof UnprocessableException unprocessable) {
            return capped(unprocessable.violations());
        }
        if (error instanceof MalformedRequestException malformed) {
            return capped(malformed.violations());
        }
        return null;
    }

    /**
     * At most {@value #MAX_VIOLATIONS} violations, in the order found, then one {@code TOO_MANY_VIOLATIONS} saying
     * how many more there were: a hostile body cannot make its answer many times its own size.
     */
    static List<Violation> capped(List<Violation> violations) {
        if (violations == null || violations.size() <= MAX_VIOLATIONS) {
            return violations;
        }
        List<Violation> shown = new java.util.ArrayList<>(violations.subList(0, MAX_VIOLATIONS));
        shown.add(new Violation("", ViolationCode.TOO_MANY_VIOLATIONS, (violations.size() - MAX_VIOLATIONS)
                + " more violations are not listed; fix these and send again"));
        return List.copyOf(shown);
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
