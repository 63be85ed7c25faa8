package org.tipline.ncmec.api;

/** NCMEC's response codes (and HTTP statuses) grouped by what the connector must do about them. */
public enum Verdict {

    /** 0: done. */
    SUCCESS,
    /** 1000, 1100, 1110, 1111, 1210, 1300, HTTP 5xx, or a code NCMEC has not documented: try the same step later. */
    RETRY,
    /** HTTP 401, 2000, 3xxx: the credentials are wrong or not allowed; an operator must act. */
    AUTHENTICATION,
    /** 4000, 4100, 4110, 4200: NCMEC refuses the payload; sending it again cannot help. */
    PAYLOAD,
    /** 5001: the report does not exist (never did, or NCMEC deleted it unfinished). */
    NO_SUCH_REPORT,
    /** 5002: the file does not exist in the report. */
    NO_SUCH_FILE,
    /** 5101: the report was retracted already. */
    ALREADY_RETRACTED,
    /** 5102: the report was finished already. */
    ALREADY_FINISHED;

    static Verdict of(int httpStatus, int code) {
        if (httpStatus == 401 || code == 2000 || code >= 3000 && code < 4000) {
            return AUTHENTICATION;
        }
        return switch (code) {
            case 0 -> httpStatus >= 200 && httpStatus < 300 ? SUCCESS : RETRY;
            case 4000, 4100, 4110, 4200 -> PAYLOAD;
            case 5001 -> NO_SUCH_REPORT;
            case 5002 -> NO_SUCH_FILE;
            case 5101 -> ALREADY_RETRACTED;
            case 5102 -> ALREADY_FINISHED;
            default -> httpStatus == 400 ? PAYLOAD : RETRY;
        };
    }
}
