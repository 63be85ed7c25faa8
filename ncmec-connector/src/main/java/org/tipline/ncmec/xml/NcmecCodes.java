package org.tipline.ncmec.xml;

import java.util.Map;

/**
 * The gateway's codes as NCMEC's schema spells them. When NCMEC adds a value, add it here and to the gateway's
 * {@code ReportCodes}; an unknown code fails the schema check before anything is filed.
 */
final class NcmecCodes {

    private NcmecCodes() {
    }

    static final Map<String, String> INCIDENT_TYPES = Map.of(
            "CHILD_SEXUAL_ABUSE_MATERIAL", "Child Pornography (possession, manufacture, and distribution)",
            "CHILD_SEX_TRAFFICKING", "Child Sex Trafficking",
            "CHILD_SEX_TOURISM", "Child Sex Tourism",
            "CHILD_SEXUAL_MOLESTATION", "Child Sexual Molestation",
            "MISLEADING_DOMAIN_NAME", "Misleading Domain Name",
            "MISLEADING_WORDS_OR_DIGITAL_IMAGES", "Misleading Words or Digital Images on the Internet",
            "ONLINE_ENTICEMENT", "Online Enticement of Children for Sexual Acts",
            "UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD", "Unsolicited Obscene Material Sent to a Child");

    /** Report annotations: the element of {@code reportAnnotations} for each code. */
    static final Map<String, String> REPORT_ANNOTATIONS = Map.of(
            "SEXTORTION", "sextortion",
            "CSAM_SOLICITATION", "csamSolicitation",
            "MINOR_TO_MINOR_INTERACTION", "minorToMinorInteraction",
            "SPAM", "spam",
            "SADISTIC_ONLINE_EXPLOITATION", "sadisticOnlineExploitation");

    /** File annotations: the element of {@code fileAnnotations} for each code, in the gateway's order. */
    static final Map<String, String> FILE_ANNOTATIONS = Map.of(
            "ANIME_DRAWING_VIRTUAL_HENTAI", "animeDrawingVirtualHentai",
            "POTENTIAL_MEME", "potentialMeme",
            "VIRAL", "viral",
            "POSSIBLE_SELF_PRODUCTION", "possibleSelfProduction",
            "PHYSICAL_HARM", "physicalHarm",
            "VIOLENCE_GORE", "violenceGore",
            "BESTIALITY", "bestiality",
            "LIVE_STREAMING", "liveStreaming",
            "INFANT", "infant",
            "GENERATIVE_AI", "generativeAi");

    static final Map<String, String> ASSOCIATED_ACCOUNT_TYPES = Map.of(
            "BILLING", "Billing", "LINKED", "Linked", "BUSINESS", "Business", "CREATOR", "Creator",
            "PARENT_GUARDIAN", "Parent/Guardian", "OTHER", "Other");

    static final Map<String, String> FILE_RELEVANCE = Map.of(
            "REPORTED", "Reported", "SUPPLEMENTAL_REPORTED", "Supplemental Reported");

    static final Map<String, String> HASH_TYPES = Map.of(
            "MD5", "MD5", "SHA1", "SHA1", "SHA256", "SHA256", "PDQ", "PDQ", "PHOTODNA", "PhotoDNA",
            "TMK_PDQF", "TMK+PDQF", "OTHER", "Other");

    /**
     * Codes NCMEC writes with an initial capital and the rest lower case: email, phone and address types, and the
     * capture events ({@code LOGIN} is {@code Login}).
     */
    static String capitalized(String code) {
        return code == null ? null : code.charAt(0) + code.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code code} through {@code table}; null when absent; the code itself when unknown (the schema refuses it). */
    static String of(Map<String, String> table, String code) {
        return code == null ? null : table.getOrDefault(code, code);
    }
}
