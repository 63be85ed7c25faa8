package org.tipline.ncmec.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import static org.tipline.ncmec.xml.Json.items;
import static org.tipline.ncmec.xml.Json.text;
import static org.tipline.ncmec.xml.Json.texts;

/**
 * What NCMEC's schema has no element for, written into its free-text {@code additionalInfo} in a fixed form
 * (docs/ncmec-mapping.md): one {@code Label: value} line per fact, labels in English, values as the platform gave
 * them, codes as the gateway's codes.
 */
final class Notes {

    private Notes() {
    }

    /** A {@code GENERATIVE_MODEL} context, which NCMEC receives as a web page incident with this text. */
    static String generativeModel(JsonNode context) {
        Lines lines = new Lines("Generative model used to produce abuse imagery (Tipline GENERATIVE_MODEL context)");
        lines.add("Model name", text(context, "modelName"));
        lines.add("Base model", text(context, "baseModel"));
        lines.add("Trained on real victims", text(context, "trainedOnRealVictims"));
        lines.add("File hashes", hashes(items(context, "fileHashes")));
        lines.add("Notes", text(context, "additionalInfo"));
        return lines.toString();
    }

    /** An intended recipient's associated account, for which NCMEC has no element. */
    static String associatedAccount(JsonNode account) {
        Lines lines = new Lines("Associated account (" + text(account, "type") + ")");
        lines.add("Platform", text(account, "platform"));
        lines.add("Name", join(" ", text(account, "firstName"), text(account, "middleName"),
                text(account, "lastName")));
        lines.add("ESP identifier", text(account, "espIdentifier"));
        lines.add("ESP service", text(account, "espService"));
        lines.add("Screen name", text(account, "screenName"));
        lines.add("Display names", String.join(", ", texts(account, "displayNames")));
        lines.add("Profile URLs", String.join(" ", texts(account, "profileUrls")));
        List<String> emails = new ArrayList<>();
        items(account, "emails").forEach(email -> emails.add(text(email, "address")));
        lines.add("Emails", String.join(", ", emails));
        List<String> phones = new ArrayList<>();
        items(account, "phones").forEach(phone -> phones.add(join("", text(phone, "countryCallingCode"),
                text(phone, "number"))));
        lines.add("Phones", String.join(", ", phones));
        lines.add("Notes", text(account, "additionalInfo"));
        return lines.toString();
    }

    /** A file's synthetic-media assessment, UK category and hash qualities, which NCMEC has no element for. */
    static List<String> fileExtras(JsonNode details) {
        List<String> notes = new ArrayList<>();
        if (text(details, "ukCategory") != null) {
            notes.add("UK category: " + text(details, "ukCategory"));
        }
        List<String> qualities = new ArrayList<>();
        for (JsonNode hash : items(details, "originalHashes")) {
            if (text(hash, "quality") != null) {
                qualities.add(text(hash, "type") + " " + text(hash, "value") + ": " + text(hash, "quality"));
            }
        }
        if (!qualities.isEmpty()) {
            notes.add("Hash quality: " + String.join("; ", qualities));
        }
        JsonNode synthetic = details.path("syntheticMedia");
        if (synthetic.isObject()) {
            notes.add(syntheticMedia(synthetic));
        }
        return notes;
    }

    private static String syntheticMedia(JsonNode synthetic) {
        Lines lines = new Lines("AI-generated or AI-altered imagery (Tipline syntheticMedia)");
        lines.add("Assessment", text(synthetic, "assessment"));
        lines.add("Basis", String.join(", ", texts(synthetic, "basis")));
        lines.add("Method", text(synthetic, "method"));
        lines.add("Depicts a real person", text(synthetic, "depictsRealPerson"));
        lines.add("Photorealistic", text(synthetic, "photorealistic"));
        JsonNode source = synthetic.path("sourceImage");
        lines.add("Source image", join(" ", text(source, "url"), hashes(items(source, "hashes"))));
        JsonNode generator = synthetic.path("generator");
        lines.add("Generator", join(" ", text(generator, "name"), text(generator, "version"),
                text(generator, "modelHash") == null ? null : "model hash " + text(generator, "modelHash"),
                text(generator, "url")));
        texts(synthetic, "prompts").forEach(prompt -> lines.add("Prompt", prompt));
        JsonNode commercial = synthetic.path("commercial");
        lines.add("Sold", text(commercial, "sold"));
        lines.add("Storefronts", String.join(" ", texts(commercial, "storefrontUrls")));
        lines.add("Payment identifiers", String.join(", ", texts(commercial, "paymentIdentifiers")));
        return lines.toString();
    }

    private static String hashes(List<JsonNode> hashes) {
        StringJoiner joined = new StringJoiner(", ");
        hashes.forEach(hash -> joined.add(text(hash, "type") + " " + text(hash, "value")));
        return joined.toString();
    }

    private static String join(String separator, String... parts) {
        StringJoiner joined = new StringJoiner(separator);
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.add(part);
            }
        }
        return joined.toString();
    }

    /** A heading and {@code Label: value} lines; blank values are left out. */
    static final class Lines {

        private final StringBuilder text;

        Lines(String heading) {
            this.text = new StringBuilder(heading);
        }

        Lines add(String label, String value) {
            if (value != null && !value.isBlank()) {
                text.append('\n').append(label).append(": ").append(value);
            }
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
