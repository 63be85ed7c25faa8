package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.tipline.gateway.intake.validation.IpAddress;
import org.tipline.gateway.kernel.ReportCodes.CaptureEvent;
import org.tipline.gateway.platform.validation.InPast;

/** An IP address seen at an event. */
public record IpCaptureEvent(@NotNull @IpAddress String ipAddress, CaptureEvent eventName, @InPast OffsetDateTime at,
        Boolean possibleProxy, @Min(1) @Max(65535) Integer port) {
}
