package org.tipline.gateway.intake.model;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.platform.validation.InPast;

/** A person. As a contact person (reporter, officer) it carries no {@code age} or {@code dateOfBirth}. */
public record Person(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Email> emails,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Phone> phones,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Address> addresses,
        @Min(0) @Max(150) Integer age,
        @InPast LocalDate dateOfBirth) {
}
