package org.tipline.gateway.platform.errors;

/** Stable machine codes of violations (API.md); clients branch on these, so never rename one. */
public enum ViolationCode {
    /** Absent, null or blank where a value is required. */
    REQUIRED,
    /** A string longer than its limit. */
    TOO_LONG,
    /** A list with more items than allowed. */
    TOO_MANY,
    /** A timestamp or date after the server's clock plus the allowed skew. */
    NOT_IN_PAST,
    /** A string that does not have the required format (email, URL, IP address, hash, timestamp…). */
    INVALID_FORMAT,
    /** A code that is not one of the allowed values. */
    INVALID_VALUE,
    /** A number outside its range. */
    OUT_OF_RANGE,
    /** A field the model does not have. */
    UNKNOWN_FIELD,
    /** A JSON value of the wrong type (a string where an object belongs…). */
    WRONG_TYPE,
    /** A JSON document that cannot be parsed (syntax, encoding, duplicate key, nesting). */
    MALFORMED_JSON,
    /** A multipart body that cannot be parsed (no boundary, broken part headers, truncated). */
    MALFORMED_MULTIPART,
    /** A field that may not be given in this place or combination. */
    NOT_ALLOWED,
    /** A field that batched reports may not carry. */
    NOT_ALLOWED_IN_BATCH,
    /** Two fields of which at most one may be given. */
    MUTUALLY_EXCLUSIVE,
    /** A timestamp that must follow another one but does not. */
    OUT_OF_ORDER,
    /** An EMAIL or NEWSGROUP address that appears on no party. */
    EMAIL_NOT_ON_PARTY,
    /** A batched report without exactly one evidence file. */
    BATCH_FILE_COUNT,
    /** A batched report's file that is not annotated VIRAL or POTENTIAL_MEME, or not REPORTED. */
    BATCH_FILE_NOT_ELIGIBLE,
    /** A destination that is not registered or not enabled. */
    UNKNOWN_DESTINATION,
    /** A report that no routing rule sends anywhere. */
    NO_DESTINATION,
    /** A field a chosen destination's profile requires. */
    REQUIRED_BY_DESTINATION,
    /** A report or supplement whose envelope could not fit in one Kafka message with its files' details. */
    TOO_LARGE_TO_FORWARD,
    /** The body could not be read to its end (the connection closed or broke mid-body). */
    INCOMPLETE_BODY,
    /** The last entry of a list cut short: more violations were found than a problem document lists. */
    TOO_MANY_VIOLATIONS
}
