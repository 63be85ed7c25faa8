package org.tipline.ncmec.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * NCMEC's published schema ({@code xsd/cyber_tipline.xsd}, copied from {@code shared/reference/ncmec}) and the JDK's
 * validator: every document the connector would send is checked against it first, so an element out of order is
 * found before anything is filed, not by NCMEC after {@code /submit} and {@code /upload} succeeded. Also knows the
 * schema's country and US-state codes. Thread-safe.
 */
public final class CyberTiplineSchema {

    private static final String RESOURCE = "/xsd/cyber_tipline.xsd";
    private static final CyberTiplineSchema INSTANCE = load();

    private final Schema schema;
    private final Set<String> countries;
    private final Set<String> states;

    private CyberTiplineSchema(Schema schema, Set<String> countries, Set<String> states) {
        this.schema = schema;
        this.countries = countries;
        this.states = states;
    }

    public static CyberTiplineSchema get() {
        return INSTANCE;
    }

    /** Empty if {@code xml} is valid; otherwise the validator's message, with line and column. */
    public Optional<String> problem(byte[] xml) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("[" + e.getLineNumber() + "," + e.getColumnNumber() + "] - " + e.getMessage());
        } catch (SAXException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return Optional.of("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** Whether NCMEC's {@code country} type has {@code code}. */
    boolean isCountry(String code) {
        return code != null && countries.contains(code);
    }

    /** Whether NCMEC's {@code state} type (US states and territories) has {@code code}. */
    boolean isState(String code) {
        return code != null && states.contains(code);
    }

    private static CyberTiplineSchema load() {
        URL resource = CyberTiplineSchema.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the connector");
        }
        try (InputStream in = resource.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = factory.newSchema(new StreamSource(resource.toExternalForm()));
            DocumentBuilderFactory documents = DocumentBuilderFactory.newInstance();
            documents.setNamespaceAware(true);
            documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document xsd = documents.newDocumentBuilder().parse(in);
            return new CyberTiplineSchema(schema, enumeration(xsd, "country"), enumeration(xsd, "state"));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("NCMEC's schema cannot be loaded", e);
        }
    }

    private static Set<String> enumeration(org.w3c.dom.Document xsd, String simpleType) {
        Set<String> values = new HashSet<>();
        NodeList types = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (simpleType.equals(type.getAttribute("name"))) {
                NodeList enumerations = type.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI,
                        "enumeration");
                for (int j = 0; j < enumerations.getLength(); j++) {
                    String value = ((Element) enumerations.item(j)).getAttribute("value");
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("NCMEC's schema has no " + simpleType + " codes");
        }
        return Set.copyOf(values);
    }
}
