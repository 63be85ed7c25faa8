package org.tipline.gateway.kernel;

import java.util.regex.Pattern;

/**
 * Every enumeration of the report model, in one place. The JSON codes are the constant names; NCMEC's strings (and
 * other receivers') are a rendering concern. When NCMEC adds a value to its schema, add the constant here.
 */
public final class ReportCodes {

    private ReportCodes() {
    }

    /** NCMEC's eight incident categories. */
    public enum IncidentType {
        CHILD_SEXUAL_ABUSE_MATERIAL, CHILD_SEX_TRAFFICKING, CHILD_SEX_TOURISM, CHILD_SEXUAL_MOLESTATION, MISLEADING_DOMAIN_NAME, MISLEADING_WORDS_OR_DIGITAL_IMAGES, ONLINE_ENTICEMENT, UNSOLICITED_OBSCENE_MATERIAL_TO_CHILD
    }

    /** Report-level annotations. */
    public enum IncidentAnnotation {
        SEXTORTION, CSAM_SOLICITATION, MINOR_TO_MINOR_INTERACTION, SPAM, SADISTIC_ONLINE_EXPLOITATION
    }

    /** How the platform came to know of the incident (UK reporting regime). */
    public enum DetectionMethod {
        USER_REPORT, TRUSTED_FLAGGER, HOTLINE_NOTICE, HASH_MATCH_KNOWN, CLASSIFIER, HUMAN_MODERATION, LAW_ENFORCEMENT_REQUEST, OTHER
    }

    /** Why a report is batched. */
    public enum BatchReason {
        VIRAL_POTENTIAL_MEME
    }

    public enum EmailType {
        HOME, WORK, BUSINESS, RECOVERY
    }

    public enum PhoneType {
        MOBILE, HOME, BUSINESS, WORK, FAX, INTERNET, RECOVERY
    }

    public enum AddressType {
        HOME, BUSINESS, BILLING, SHIPPING, TECHNICAL
    }

    /** The event during which an IP address or device id was captured. */
    public enum CaptureEvent {
        LOGIN, REGISTRATION, PURCHASE, UPLOAD, OTHER, UNKNOWN
    }

    public enum AssociatedAccountType {
        BILLING, LINKED, BUSINESS, CREATOR, PARENT_GUARDIAN, OTHER
    }

    /** The relation of an evidence file to the report. */
    public enum FileRelevance {
        REPORTED, SUPPLEMENTAL_REPORTED
    }

    public enum FileAnnotation {
        ANIME_DRAWING_VIRTUAL_HENTAI, POTENTIAL_MEME, VIRAL, POSSIBLE_SELF_PRODUCTION, PHYSICAL_HARM, VIOLENCE_GORE, BESTIALITY, LIVE_STREAMING, INFANT, GENERATIVE_AI
    }

    /** The industry hash-sharing classification scale. */
    public enum IndustryClassification {
        A1, A2, B1, B2
    }

    /** UK sentencing categories; recorded as given, never derived from the industry classification. */
    public enum UkCategory {
        A, B, C
    }

    /** Hash algorithms, each with the format its value must have. */
    public enum HashType {

        MD5("[0-9a-fA-F]{32}"), SHA1("[0-9a-fA-F]{40}"), SHA256("[0-9a-fA-F]{64}"),
        /** PDQ: 256 bits as 64 hex digits. */
        PDQ("[0-9a-fA-F]{64}"),
        /** PhotoDNA: 144 bytes as 288 hex digits or 192 base64 characters. */
        PHOTODNA("[0-9a-fA-F]{288}|[A-Za-z0-9+/]{192}"),
        /** TMK+PDQF video hash, base64. */
        TMK_PDQF("[A-Za-z0-9+/]{4,350000}={0,2}"), OTHER("\\S{1,4096}");

        private final Pattern format;

        HashType(String format) {
            this.format = Pattern.compile(format);
        }

        public boolean accepts(String value) {
            return format.matcher(value).matches();
        }
    }

    public enum MetadataType {
        EXIF, HASH
    }

    /** Whether imagery is AI-generated or AI-altered. */
    public enum SyntheticAssessment {
        CONFIRMED_SYNTHETIC, SUSPECTED_SYNTHETIC, BELIEVED_REAL, UNKNOWN
    }

    /** What the synthetic-media assessment rests on. */
    public enum SyntheticBasis {
        PROVENANCE_MANIFEST, CLASSIFIER, FILE_METADATA, PROMPT_OR_GENERATION_LOG, UPLOADER_STATEMENT, ANALYST_JUDGEMENT
    }

    /** How synthetic imagery was made. */
    public enum SyntheticMethod {
        TEXT_TO_IMAGE, IMAGE_TO_IMAGE, NUDIFICATION, FACE_SWAP, DE_AGING, MODEL_FINE_TUNED_ON_REAL_PERSON, UNKNOWN
    }

    /** Whether synthetic imagery depicts a real person. */
    public enum DepictsRealPerson {
        KNOWN_VICTIM, PUBLIC_FIGURE, PRIVATE_INDIVIDUAL, NONE_KNOWN, UNKNOWN
    }
}
