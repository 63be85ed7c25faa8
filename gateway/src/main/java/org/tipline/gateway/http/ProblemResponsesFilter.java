package org.tipline.gateway.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.tipline.gateway.platform.errors.Problem;
import org.tipline.gateway.platform.errors.ProblemType;
import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * Adds to every {@code /v1} operation the problem responses it can give (RFC 9457, {@code application/problem+json}),
 * and the {@code Problem} and {@code Violation} schemas, so the description matches the one error table.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** Descriptions SmallRye OpenAPI gives the answers it adds on its own. */
    private static final java.util.Set<String> GENERATED = java.util.Set.of("Bad Request", "Not Authorized",
            "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Violation", violationSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> addProblems(path, method, operation));
            }
        });
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        declaredProblems(operation);
        boolean secured = !path.equals("/v1/keys");
        boolean hasBody = operation.getRequestBody() != null;
        boolean post = method == PathItem.HttpMethod.POST;
        boolean query = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
        add(operation, "400", (hasBody
                ? "Malformed request: syntax, wrong JSON types, unknown fields"
                : "Malformed"
                        + " request")
                + (query ? ", a bad query parameter" : "") + (post ? ", missing Idempotency-Key" : "")
                + "; violations listed", hasBody || post || query);
        add(operation, "401", ProblemType.UNAUTHORIZED.title(), secured);
        add(operation, "403", ProblemType.FORBIDDEN.title(), secured);
        add(operation, "404", "No such resource visible to the caller", path.contains("{"));
        add(operation, "409", "State conflict, or the same Idempotency-Key still in flight", post);
        add(operation, "413", ProblemType.PAYLOAD_TOO_LARGE.title(), hasBody);
        add(operation, "415", ProblemType.UNSUPPORTED_MEDIA_TYPE.title(), hasBody);
        add(operation, "422", "Well-formed but invalid (violations listed), or Idempotency-Key reused",
                hasBody || post);
        add(operation, "500", ProblemType.INTERNAL.title(), true);
        add(operation, "503", ProblemType.LEDGER_UNAVAILABLE.title() + " (Retry-After)", secured);
    }

    /** Error answers a resource declares (with its own description) are problem documents too. */
    private static void declaredProblems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null && response.getDescription() != null
                    && !GENERATED.contains(response.getDescription())) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static void add(Operation operation, String status, String description, boolean applies) {
        if (!applies || operation.getResponses() == null) {
            return;
        }
        Content content = problemContent();
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }

        // The generator adds bare 400/401/403 answers of its own; give them the problem document they really have.
        operation.getResponses().addAPIResponse(status,
                OASFactory.createAPIResponse().description(description).content(content));

    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem document; every 4xx and 5xx answer is one")
                .required(List.of("type", "title", "status", "requestId"))
                .properties(ordered(
                        "type", string("Stable problem type URI, urn:tipline:problem:<name>"),
                        "title", string("Short summary of the problem type"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string("What happened; never request content, stack traces or class names"),
                        "instance", string("The request path"),
                        "requestId", string("The X-Request-Id of the request"),
                        "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("Violation"))));
    }

    private static Schema violationSchema() {
        Schema code = OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("Stable machine code");
        for (ViolationCode value : ViolationCode.values()) {
            code.addEnumeration(value.name());
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("pointer", "code", "message"))
                .properties(ordered(
                        "pointer", string("RFC 6901 JSON pointer into the request body; empty for the whole body"),
                        "code", code,
                        "message", string("Human-readable rule; never repeats the rejected value")));
    }

    /** Properties in the order given: Map.of would order them differently in every JVM. */
    private static Map<String, Schema> ordered(Object... namesAndSchemas) {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], (Schema) namesAndSchemas[i + 1]);
        }
        return properties;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
