package org.tipline.ncmec.xml;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import static org.tipline.ncmec.xml.Json.items;
import static org.tipline.ncmec.xml.Json.text;
import static org.tipline.ncmec.xml.Json.texts;

/**
 * People and accounts as NCMEC's types render them: {@code person}, {@code contactPerson}, {@code address},
 * {@code email}, {@code phone}, {@code ipCaptureEvent}, {@code deviceId}, the account states, the estimated location,
 * {@code associatedAccount}, and the three kinds of party. Each writes its elements in the schema's sequence order.
 */
final class PartyXml {

    /** The kinds of party: each has its own element names and a few fields of its own. */
    enum Kind {

        REPORTED("personOrUserReported", "personOrUserReportedPerson"), RECIPIENT("intendedRecipient",
                "intendedRecipientPerson"), VICTIM("victim", "victimPerson");

        final String element;
        final String personElement;

        Kind(String element, String personElement) {
            this.element = element;
            this.personElement = personElement;
        }
    }

    private final CyberTiplineSchema schema;

    PartyXml(CyberTiplineSchema schema) {
        this.schema = schema;
    }

    /** A party, with {@code priorCtReports} added to its own prior report ids. */
    void party(XmlDocument xml, Kind kind, JsonNode party, List<Long> priorCtReports) {
        xml.start(kind.element);
        if (party.path("person").isObject()) {
            person(xml, kind.personElement, party.path("person"), true);
        }
        if (kind == Kind.REPORTED) {
            xml.element("vehicleDescription", party.path("vehicleDescription"));
        }
        xml.element("espIdentifier", party.path("espIdentifier"));
        xml.element("espService", party.path("espService"));
        xml.element("compromisedAccount", party.path("compromisedAccount"));
        xml.element("screenName", party.path("screenName"));
        texts(party, "displayNames").forEach(name -> xml.element("displayName", name));
        texts(party, "profileUrls").forEach(url -> xml.element("profileUrl", url));
        xml.element("profileBio", party.path("profileBio"));
        items(party, "ipCaptureEvents").forEach(event -> ipCaptureEvent(xml, "ipCaptureEvent", event));
        items(party, "deviceIds").forEach(device -> deviceId(xml, device));
        if (kind == Kind.REPORTED) {
            xml.element("thirdPartyUserReported", party.path("thirdPartyUserReported"));
        }
        if (kind == Kind.VICTIM) {
            xml.element("schoolName", party.path("schoolName"));
        }
        List<String> prior = new ArrayList<>(texts(party, "priorReportIds"));
        priorCtReports.forEach(id -> prior.add(String.valueOf(id)));
        prior.stream().distinct().forEach(id -> xml.element("priorCTReports", id));
        if (kind != Kind.VICTIM) {
            xml.element("groupIdentifier", party.path("groupIdentifier"));
        }
        accountStates(xml, party);
        estimatedLocation(xml, party.path("estimatedLocation"));
        xml.element("allEmailsReported", party.path("allEmailsReported"));
        if (kind != Kind.RECIPIENT) {
            items(party, "associatedAccounts").forEach(account -> associatedAccount(xml, account));
        }
        for (String note : notes(kind, party)) {
            xml.element("additionalInfo", note);
        }
        xml.end();
    }

    /**
     * The party's free text, and what NCMEC has no element for on this kind of party: a victim's group identifier,
     * an intended recipient's associated accounts. An intended recipient may have several notes, the others one.
     */
    private static List<String> notes(Kind kind, JsonNode party) {
        List<String> notes = new ArrayList<>();
        String own = text(party, "additionalInfo");
        if (own != null) {
            notes.add(own);
        }
        if (kind == Kind.VICTIM && text(party, "groupIdentifier") != null) {
            notes.add("Group identifier: " + text(party, "groupIdentifier"));
        }
        if (kind == Kind.RECIPIENT) {
            items(party, "associatedAccounts").forEach(account -> notes.add(Notes.associatedAccount(account)));
        }
        if (kind != Kind.RECIPIENT && notes.size() > 1) {
            return List.of(String.join("\n", notes));
        }
        return notes;
    }

    /** NCMEC's {@code person}, or {@code contactPerson} (no age or date of birth) when {@code withAge} is false. */
    void person(XmlDocument xml, String element, JsonNode person, boolean withAge) {
        xml.start(element);
        xml.element("firstName", person.path("firstName"));
        xml.element("lastName", person.path("lastName"));
        items(person, "phones").forEach(phone -> phone(xml, "phone", phone));
        items(person, "emails").forEach(email -> email(xml, "email", email));
        items(person, "addresses").forEach(address -> address(xml, "address", address));
        if (withAge) {
            xml.element("age", person.path("age"));
            xml.element("dateOfBirth", person.path("dateOfBirth"));
        }
        xml.end();
    }

    void email(XmlDocument xml, String element, JsonNode email) {
        xml.start(element).attribute("type", NcmecCodes.capitalized(text(email, "type")))
                .attribute("verified", text(email, "verified")).attribute("verificationDate",
                        text(email, "verifiedAt"))
                .text(text(email, "address")).end();
    }

    void phone(XmlDocument xml, String element, JsonNode phone) {
        xml.start(element).attribute("type", NcmecCodes.capitalized(text(phone, "type")))
                .attribute("verified", text(phone, "verified")).attribute("verificationDate",
                        text(phone, "verifiedAt"))
                .attribute("countryCallingCode", text(phone, "countryCallingCode"))
                .attribute("extension", text(phone, "extension")).text(text(phone, "number")).end();
    }

    /**
     * NCMEC's {@code address}: a US state code goes to {@code state}, any other region to {@code nonUsaState}; a
     * country NCMEC's list lacks is left out of {@code country} and kept in the street line.
     */
    void address(XmlDocument xml, String element, JsonNode address) {
        String country = text(address, "country");
        String state = text(address, "state");
        boolean usState = ("US".equals(country) || country == null) && schema.isState(state);
        String street = text(address, "street");
        if (country != null && !schema.isCountry(country)) {
            street = (street == null ? "" : street + ", ") + "country " + country;
        }
        xml.start(element).attribute("type", NcmecCodes.capitalized(text(address, "type")));
        xml.element("address", street);
        xml.element("city", address.path("city"));
        xml.element("zipCode", address.path("postalCode"));
        if (usState) {
            xml.element("state", state);
        } else {
            xml.element("nonUsaState", state);
        }
        if (schema.isCountry(country)) {
            xml.element("country", country);
        }
        xml.end();
    }

    void ipCaptureEvent(XmlDocument xml, String element, JsonNode event) {
        xml.start(element);
        xml.element("ipAddress", event.path("ipAddress"));
        xml.element("eventName", NcmecCodes.capitalized(text(event, "eventName")));
        xml.element("dateTime", event.path("at"));
        xml.element("possibleProxy", event.path("possibleProxy"));
        xml.element("port", event.path("port"));
        xml.end();
    }

    void deviceId(XmlDocument xml, JsonNode device) {
        xml.start("deviceId");
        xml.element("idType", device.path("idType"));
        xml.element("idValue", device.path("idValue"));
        xml.element("eventName", NcmecCodes.capitalized(text(device, "eventName")));
        xml.element("dateTime", device.path("at"));
        xml.end();
    }

    private static void accountStates(XmlDocument xml, JsonNode owner) {
        accountState(xml, "accountTemporarilyDisabled", owner.path("accountTemporarilyDisabled"), true);
        accountState(xml, "accountPermanentlyDisabled", owner.path("accountPermanentlyDisabled"), false);
    }

    private static void accountState(XmlDocument xml, String element, JsonNode state, boolean reenabling) {
        if (!state.isObject()) {
            return;
        }
        xml.start(element).attribute("disabledDate", text(state, "disabledAt"))
                .attribute("userNotified", text(state, "userNotified"))
                .attribute("userNotifiedDate", text(state, "userNotifiedAt"));
        if (reenabling) {
            xml.attribute("reenabledDate", text(state, "reenabledAt"));
        }
        xml.text("true").end();
    }

    private void estimatedLocation(XmlDocument xml, JsonNode location) {
        if (!location.isObject()) {
            return;
        }
        String country = text(location, "countryCode");
        xml.start("estimatedLocation").attribute("verified", text(location, "verified"))
                .attribute("timestamp", text(location, "at"));
        xml.element("city", location.path("city"));
        xml.element("region", location.path("region"));
        if (schema.isCountry(country)) {
            xml.element("countryCode", country);
        }
        xml.end();
    }

    private void associatedAccount(XmlDocument xml, JsonNode account) {
        xml.start("associatedAccount").attribute("type", NcmecCodes.of(NcmecCodes.ASSOCIATED_ACCOUNT_TYPES,
                text(account, "type")));
        if (text(account, "platform") != null) {
            xml.start("platform").attribute("thirdPartyUser", text(account, "thirdPartyUser"))
                    .text(text(account, "platform")).end();
        }
        xml.element("firstName", account.path("firstName"));
        xml.element("middleName", account.path("middleName"));
        xml.element("lastName", account.path("lastName"));
        xml.element("approximateAge", account.path("approximateAge"));
        xml.element("dateOfBirth", account.path("dateOfBirth"));
        items(account, "phones").forEach(phone -> phone(xml, "phone", phone));
        items(account, "emails").forEach(email -> email(xml, "email", email));
        xml.element("allEmailsReported", account.path("allEmailsReported"));
        items(account, "addresses").forEach(address -> address(xml, "address", address));
        xml.element("espService", account.path("espService"));
        xml.element("espIdentifier", account.path("espIdentifier"));
        texts(account, "profileUrls").forEach(url -> xml.element("profileUrl", url));
        xml.element("screenName", account.path("screenName"));
        texts(account, "displayNames").forEach(name -> xml.element("displayName", name));
        xml.element("profileBio", account.path("profileBio"));
        xml.element("groupIdentifier", account.path("groupIdentifier"));
        xml.element("compromisedAccount", account.path("compromisedAccount"));
        accountStates(xml, account);
        items(account, "ipCaptureEvents").forEach(event -> ipCaptureEvent(xml, "ipCaptureEvent", event));
        items(account, "deviceIds").forEach(device -> deviceId(xml, device));
        texts(account, "priorReportIds").forEach(id -> xml.element("priorCTReport", id));
        xml.element("additionalInfo", account.path("additionalInfo"));
        xml.end();
    }
}
