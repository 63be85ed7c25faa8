package org.tipline.gateway.http;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's description (served at {@code /q/openapi}, committed as {@code docs/openapi.yaml}). */
@OpenAPIDefinition(info = @Info(title = "Tipline Gateway API", version = "1",
        description = "Files mandatory child-safety reports with every receiver the law names. Every error is an"
                + " RFC 9457 problem document; every POST needs an Idempotency-Key; see API.md.",
        license = @License(name = "Apache-2.0")), security = @SecurityRequirement(name = "bearer"),
        tags = {
                @Tag(name = "reports", description = "Platforms file and follow their reports"),
                @Tag(name = "evidence", description = "Evidence files of open reports"),
                @Tag(name = "intake", description = "Receivers acknowledge reports and fetch evidence"),
                @Tag(name = "credentials", description = "Who is calling; the keys that verify signatures"),
                @Tag(name = "admin", description = "Platforms and credentials")})
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (tlk_…) as a bearer credential")
public class OpenApiDefinition extends Application {
}
