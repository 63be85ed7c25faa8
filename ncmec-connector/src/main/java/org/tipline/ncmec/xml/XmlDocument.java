package org.tipline.ncmec.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes one XML document in UTF-8, element by element, in the order the caller gives (the order the schema's
 * sequences demand): absent values are left out, text is escaped by StAX, attributes go on the element just opened.
 */
final class XmlDocument {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter writer;
    private final Deque<String> open = new ArrayDeque<>();

    private XmlDocument(String root, String schemaLocation) {
        try {
            writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement(root);
            writer.writeNamespace("xsi", XSI);
            writer.writeAttribute(XSI, "noNamespaceSchemaLocation", schemaLocation);
            open.push(root);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** A document whose root element is {@code root}, pointing at NCMEC's published schema. */
    static XmlDocument of(String root) {
        return new XmlDocument(root, "https://report.cybertip.org/ispws/xsd");
    }

    XmlDocument start(String name) {
        try {
            writer.writeStartElement(name);
            open.push(name);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    XmlDocument end() {
        try {
            writer.writeEndElement();
            open.pop();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** An attribute of the element just started; none when {@code value} is null. */
    XmlDocument attribute(String name, String value) {
        if (value == null) {
            return this;
        }
        try {
            writer.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** {@code <name>value</name>}; nothing when {@code value} is null or blank. */
    XmlDocument element(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        return start(name).text(value).end();
    }

    /** The text of a JSON field as an element: strings as they are, numbers and booleans as XML writes them. */
    XmlDocument element(String name, JsonNode node) {
        return element(name, Json.text(node));
    }

    /** An element whose presence is the fact: {@code <name>true</name>}. */
    XmlDocument flag(String name) {
        return element(name, "true");
    }

    XmlDocument text(String value) {
        try {
            writer.writeCharacters(value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    /** The finished document. */
    byte[] bytes() {
        try {
            while (!open.isEmpty()) {
                end();
            }
            writer.writeEndDocument();
            writer.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML cannot be written", e);
        }
    }

    @Override
    public String toString() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
