package org.tipline.gateway.support;

/**
 * Synthetic report bodies for tests: invented people at example domains, documentation IP ranges (RFC 5737, RFC 3849),
 * no real imagery or persons anywhere.
 */
public final class SyntheticReports {

    private SyntheticReports() {
    }

    /** The smallest valid report. */
    public static String minimal() {
        return """
                {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
                 "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}}}
                """;
    }

    /** A realistic report using most of the model, all of it invented. */
    public static String full() {
        return """
                {
                  "incident": {"type": "ONLINE_ENTICEMENT", "occurredAt": "2026-03-04T05:06:07+01:00",
                               "occurredAtDescription": "time the first message was sent",
                               "platform": "Example Chat", "annotations": ["SEXTORTION", "MINOR_TO_MINOR_INTERACTION"]},
                  "reporter": {"reportingPerson": {"firstName": "Alex", "lastName": "Example",
                                                   "emails": [{"address": "alex.example@platform.example", "type": "WORK"}],
                                                   "phones": [{"number": "555 0100", "countryCallingCode": "+1"}]},
                               "contactPerson": {"firstName": "Sam", "lastName": "Sample",
                                                 "emails": [{"address": "legal@platform.example"}]},
                               "legalUrl": "https://platform.example/legal"},
                  "priority": "P2_SERIOUS",
                  "escalationReason": "Synthetic test: repeated threats to share images",
                  "detection": {"method": "USER_REPORT", "detectedAt": "2026-03-04T06:00:00Z"},
                  "jurisdictions": ["US", "GB"],
                  "declaration": {"name": "Alex Example", "email": "alex.example@platform.example",
                                  "acceptedAt": "2026-03-04T07:00:00Z"},
                  "internetDetails": [
                    {"kind": "CHAT_IM", "chatClient": "Example Chat", "chatRoomName": "room-123", "content": "synthetic"},
                    {"kind": "WEB_PAGE", "urls": ["https://content.example/item/1"], "thirdPartyHostedContent": false},
                    {"kind": "EMAIL", "emailAddresses": [{"address": "suspect.user@mail.example"}]},
                    {"kind": "GENERATIVE_MODEL", "modelName": "example-model", "baseModel": "example-base",
                     "trainedOnRealVictims": false, "urls": ["https://models.example/m/1"]}
                  ],
                  "reportedPersons": [{
                    "person": {"firstName": "Pat", "lastName": "Placeholder",
                               "emails": [{"address": "suspect.user@mail.example", "verified": true,
                                           "verifiedAt": "2025-12-01T00:00:00Z"}],
                               "age": 34},
                    "espIdentifier": "user-0001", "screenName": "placeholder_pat",
                    "ipCaptureEvents": [{"ipAddress": "192.0.2.10", "eventName": "LOGIN", "at": "2026-03-04T04:00:00Z", "port": 443},
                                        {"ipAddress": "2001:db8::10", "eventName": "UPLOAD"}],
                    "accountTemporarilyDisabled": {"disabledAt": "2026-03-04T08:00:00Z", "userNotified": true,
                                                   "userNotifiedAt": "2026-03-04T08:05:00Z"},
                    "estimatedLocation": {"city": "Springfield", "region": "IL", "countryCode": "US"},
                    "vehicleDescription": "none known"
                  }],
                  "victims": [{"person": {"firstName": "Jamie", "age": 14}, "schoolName": "Example Middle School"}],
                  "additionalInfo": "Entirely synthetic test data."
                }
                """;
    }
}
