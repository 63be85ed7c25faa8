package org.tipline.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realistic synthetic report bodies of about a given size: a mix of incident types (mostly CSAM, then enticement,
 * trafficking and unsolicited material), priorities P2/P3, US-only or US and UK jurisdictions, invented people at
 * example domains, documentation IP ranges and generated filler text. Nothing in them refers to a real person.
 */
public final class SyntheticReportBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"synthetic", "placeholder", "example", "invented", "benchmark", "record",
            "message", "account", "upload", "session", "timeline", "review", "moderation", "notice", "content"};
    private static final String[] TYPES = {"CHILD_SEXUAL_ABUSE_MATERIAL", "CHILD_SEXUAL_ABUSE_MATERIAL",
            "CHILD_SEXUAL_ABUSE_MATERIAL", "CHILD_SEXUAL_ABUSE_MATERIAL", "CHILD_SEXUAL_ABUSE_MATERIAL",
            "CHILD_SEXUAL_ABUSE_MATERIAL", "ONLINE_ENTICEMENT", "ONLINE_ENTICEMENT", "CHILD_SEX_TRAFFICKING",
            "UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD"};

    private final Random random;

    public SyntheticReportBodies(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} bodies of about {@code bytes} each (never smaller). */
    List<byte[]> bodies(int count, int bytes) {
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body(bytes));
        }
        return bodies;
    }

    public byte[] body(int bytes) {
        ObjectNode report = JSON.createObjectNode();
        String type = TYPES[random.nextInt(TYPES.length)];
        boolean serious = !type.equals("CHILD_SEXUAL_ABUSE_MATERIAL") || random.nextInt(4) == 0;
        ObjectNode incident = report.putObject("incident").put("type", type)
                .put("occurredAt", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0"
                        + random.nextInt(10) + ":15:00Z")
                .put("platform", "Example Platform");
        if (type.equals("ONLINE_ENTICEMENT")) {
            incident.putArray("annotations").add("SEXTORTION");
        }
        ObjectNode reporter = report.putObject("reporter");
        reporter.putObject("reportingPerson").put("firstName", "Alex").put("lastName", "Example")
                .putArray("emails").addObject().put("address", "trust-and-safety@platform.example");
        reporter.put("legalUrl", "https://platform.example/legal");
        report.put("priority", serious ? "P2_SERIOUS" : "P3_STANDARD");
        if (serious) {
            report.put("escalationReason", "Synthetic benchmark report: " + words(12));
        }
        report.putObject("detection").put("method", random.nextBoolean() ? "HASH_MATCH_KNOWN" : "USER_REPORT")
                .put("detectedAt", "2025-10-01T12:00:00Z");
        ArrayNode jurisdictions = report.putArray("jurisdictions").add("US");
        if (random.nextInt(3) == 0) {
            jurisdictions.add("GB");
        }
        report.putObject("declaration").put("name", "Alex Example").put("email", "trust-and-safety@platform.example")
                .put("acceptedAt", "2025-10-01T12:05:00Z");
        ArrayNode details = report.putArray("internetDetails");
        details.addObject().put("kind", "WEB_PAGE").putArray("urls").add("https://content.example/item/"
                + random.nextInt(1_000_000));
        ObjectNode suspect = report.putArray("reportedPersons").addObject();
        suspect.putObject("person").putArray("emails").addObject().put("address", "placeholder.user"
                + random.nextInt(1000) + "@mail.example");
        suspect.put("espIdentifier", "user-" + random.nextInt(1_000_000)).put("screenName", "placeholder_"
                + random.nextInt(1000));
        ArrayNode ips = suspect.putArray("ipCaptureEvents");
        report.put("additionalInfo", "Synthetic benchmark data. " + words(20));
        int chat = 0;
        while (size(report) < bytes) {
            if (ips.size() < 20) {
                ips.addObject().put("ipAddress", "192.0.2." + (1 + random.nextInt(254))).put("eventName", "LOGIN")
                        .put("at", "2025-09-30T0" + random.nextInt(10) + ":00:00Z");
            } else {
                details.addObject().put("kind", "CHAT_IM").put("chatClient", "Example Chat")
                        .put("chatRoomName", "room-" + chat++).put("content", words(Math.min(120,
                                (bytes - size(report)) / 9 + 1)));
            }
        }
        return report.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int size(ObjectNode report) {
        return report.toString().length();
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
