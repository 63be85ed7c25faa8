package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.kernel.ReportCodes.CaptureEvent;
import org.tipline.gateway.platform.validation.InPast;

/** A device identifier (IMEI, ICCID, advertising id…) seen at an event. */
public record DeviceId(@NotNull @Size(max = 255) String idType, @NotNull @Size(max = 2083) String idValue,
        CaptureEvent eventName, @InPast OffsetDateTime at) {
}
