package org.tipline.ncmec.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * NCMEC's CyberTipline Reporting API over HTTPS with Basic auth: {@code /status}, {@code /submit}, {@code /upload}
 * (multipart, the file streamed, never held whole), {@code /fileinfo}, {@code /finish}, {@code /retract}. Every
 * call has an overall timeout; an answer is returned whatever its code, and a call without one throws
 * {@link NoAnswerException} saying whether it may have been carried out.
 */
public final class CyberTiplineClient {

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    public CyberTiplineClient(URI base, String username, String password, Duration connectTimeout,
            Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** {@code GET /status}: whether NCMEC is up and the credentials work. */
    public Answer status() throws NoAnswerException {
        return send("status", request("status").GET());
    }

    /** {@code POST /submit}: opens a report; the answer has its {@code reportId}. */
    public Answer submit(byte[] report) throws NoAnswerException {
        return send("submit", xml(request("submit"), report));
    }

    /**
     * {@code POST /upload}: adds a file to report {@code reportId}; the answer has its {@code fileId} and the MD5 of
     * what NCMEC received. {@code content} is read once, as it is sent.
     */
    public Answer upload(long reportId, String fileName, String mediaType, InputStream content)
            throws NoAnswerException {
        String boundary = "tipline-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + reportId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        AtomicBoolean used = new AtomicBoolean();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> {
            if (used.getAndSet(true)) {
                throw new IllegalStateException("an upload's content can be sent once");
            }
            return new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head),
                    content, new ByteArrayInputStream(tail))));
        });
        return send("upload", request("upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
    }

    /** {@code POST /fileinfo}: the details of an uploaded file, at most once per file. */
    public Answer fileInfo(byte[] fileDetails) throws NoAnswerException {
        return send("fileinfo", xml(request("fileinfo"), fileDetails));
    }

    /** {@code POST /finish}: closes report {@code reportId}; nothing can be added or retracted after. */
    public Answer finish(long reportId) throws NoAnswerException {
        return send("finish", form(request("finish"), reportId));
    }

    /** {@code POST /retract}: withdraws an unfinished report. */
    public Answer retract(long reportId) throws NoAnswerException {
        return send("retract", form(request("retract"), reportId));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", authorization);
    }

    private static HttpRequest.Builder xml(HttpRequest.Builder request, byte[] document) {
        return request.header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document));
    }

    private static HttpRequest.Builder form(HttpRequest.Builder request, long reportId) {
        return request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + reportId));
    }

    private Answer send(String call, HttpRequest.Builder request) throws NoAnswerException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NoAnswerException(call, false, e);
        } catch (IOException e) {
            throw new NoAnswerException(call, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswerException(call, true, new IOException("interrupted"));
        }
        String requestId = response.headers().firstValue("Request-ID").orElse(null);
        return parse(response.statusCode(), response.body(), requestId);
    }

    /** The answer in {@code body}; code -1 when there is no readable XML answer (a 401 has an empty body). */
    static Answer parse(int status, byte[] body, String requestId) {
        if (body == null || body.length == 0) {
            return new Answer(status, -1, null, null, null, null, requestId);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            String code = child(root, "responseCode");
            String reportId = child(root, "reportId");
            return new Answer(status, code == null ? -1 : parseInt(code), child(root, "responseDescription"),
                    reportId == null || !reportId.matches("[0-9]{1,18}") ? null : Long.parseLong(reportId),
                    child(root, "fileId"), child(root, "hash"), requestId);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return new Answer(status, -1, null, null, null, null, requestId);
        }
    }

    private static int parseInt(String code) {
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }
}
