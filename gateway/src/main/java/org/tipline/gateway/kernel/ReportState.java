package org.tipline.gateway.kernel;

/** Lifecycle of a report: OPEN, then exactly one of SUBMITTED, RETRACTED or EXPIRED. */
public enum ReportState {
    OPEN, SUBMITTED, RETRACTED, EXPIRED
}
