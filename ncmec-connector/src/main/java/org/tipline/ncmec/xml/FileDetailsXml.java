package org.tipline.ncmec.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import static org.tipline.ncmec.xml.Json.items;
import static org.tipline.ncmec.xml.Json.text;
import static org.tipline.ncmec.xml.Json.texts;

/**
 * Renders a file's details (the gateway's file details model, or none) as one CyberTipline {@code <fileDetails>} for
 * an uploaded file: relevance, annotations ({@code generativeAi} also when the synthetic-media assessment is confirmed
 * or suspected), industry classification, original hashes, capture events, metadata, and the rest as text.
 */
public final class FileDetailsXml {

    private final PartyXml parties;

    public FileDetailsXml(CyberTiplineSchema schema) {
        this.parties = new PartyXml(schema);
    }

    /** The document for file {@code fileId} of CyberTipline report {@code reportId}; {@code details} may be null. */
    public byte[] render(long reportId, String fileId, JsonNode details) {
        JsonNode file = details == null ? MissingNode.getInstance() : details;
        XmlDocument xml = XmlDocument.of("fileDetails");
        xml.element("reportId", String.valueOf(reportId));
        xml.element("fileId", fileId);
        xml.element("originalFileName", file.path("originalFileName"));
        xml.element("uploadedToEspTimestamp", file.path("uploadedToPlatformAt"));
        xml.element("locationOfFile", file.path("locationOfFile"));
        xml.element("fileViewedByEsp", file.path("viewedByPlatform"));
        xml.element("exifViewedByEsp", file.path("exifViewedByPlatform"));
        xml.element("publiclyAvailable", file.path("publiclyAvailable"));
        String relevance = text(file, "relevance");
        xml.element("fileRelevance", NcmecCodes.of(NcmecCodes.FILE_RELEVANCE, relevance == null
                ? "REPORTED"
                : relevance));
        Set<String> annotations = annotations(file);
        if (!annotations.isEmpty()) {
            xml.start("fileAnnotations");
            annotations.forEach(code -> xml.flag(NcmecCodes.of(NcmecCodes.FILE_ANNOTATIONS, code)));
            xml.end();
        }
        xml.element("industryClassification", file.path("industryClassification"));
        for (JsonNode hash : items(file, "originalHashes")) {
            xml.start("originalFileHash").attribute("hashType", NcmecCodes.of(NcmecCodes.HASH_TYPES,
                    text(hash, "type"))).text(text(hash, "value")).end();
        }
        if (file.path("uploadIpEvent").isObject()) {
            parties.ipCaptureEvent(xml, "ipCaptureEvent", file.path("uploadIpEvent"));
        }
        items(file, "deviceIds").forEach(device -> parties.deviceId(xml, device));
        for (JsonNode metadata : items(file, "metadata")) {
            xml.start("details").attribute("type", text(metadata, "type"));
            for (JsonNode pair : items(metadata, "pairs")) {
                xml.start("nameValuePair").element("name", pair.path("name")).element("value", pair.path("value"))
                        .end();
            }
            xml.end();
        }
        List<String> notes = new ArrayList<>(texts(file, "additionalInfo"));
        notes.addAll(Notes.fileExtras(file));
        notes.forEach(note -> xml.element("additionalInfo", note));
        return xml.bytes();
    }

    /** The file's annotations, with {@code GENERATIVE_AI} added for synthetic imagery, in NCMEC's order. */
    private static Set<String> annotations(JsonNode file) {
        Set<String> annotations = new TreeSet<>(texts(file, "annotations"));
        String assessment = text(file.path("syntheticMedia"), "assessment");
        if ("CONFIRMED_SYNTHETIC".equals(assessment) || "SUSPECTED_SYNTHETIC".equals(assessment)) {
            annotations.add("GENERATIVE_AI");
        }
        return annotations;
    }
}
