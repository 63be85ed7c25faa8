package org.tipline.gateway.delivery;

/** What an envelope carries. */
public enum MessageKind {
    REPORT, SUPPLEMENT, ESCALATION, RETRACTION
}
