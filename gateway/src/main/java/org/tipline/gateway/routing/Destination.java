package org.tipline.gateway.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A receiver the gateway forwards to.
 *
 * @param topic the Kafka topic, {@code <prefix>.intake.<id>} when not given; P1 goes to {@code <topic>.urgent}
 * @param profile fields this receiver requires at finish
 */
public record Destination(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String id,
        @NotNull @Size(min = 1, max = 255) String name, @NotNull Regime regime, Boolean enabled,
        @Pattern(regexp = "[a-zA-Z0-9._-]{1,200}") String topic, @Valid Profile profile) {

    public Destination {
        profile = profile == null ? Profile.NONE : profile;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /** What a destination requires beyond the report model, as JSON pointers ({@code *} matches any list index). */
    public record Profile(List<@NotNull @Pattern(regexp = "(/[^/]+)+") String> required,
            List<@NotNull @Valid AnyOf> anyOf) {

        static final Profile NONE = new Profile(List.of(), List.of());

        public Profile {
            required = required == null ? List.of() : List.copyOf(required);
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        }
    }

    /** A group of which at least one pointer must be present. */
    public record AnyOf(@NotNull String name,
            @NotNull @Size(min = 1) List<@NotNull @Pattern(regexp = "(/[^/]+)+") String> pointers) {
    }
}
