package org.tipline.ncmec.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A faithful fake of NCMEC's CyberTipline Reporting API for tests: a real HTTP server with Basic auth (401 with an
 * empty body), a {@code Request-ID} on every answer, {@code /submit} and {@code /fileinfo} validated against NCMEC's
 * schema with the JDK's validator (400 / 4100 with the validator's message; 4110 for XML that is not well-formed),
 * {@code /upload} answering the MD5 of what it received, {@code /finish} and {@code /retract} with the 5xxx codes,
 * and unfinished reports deleted 24 h after opening or 1 h after their last change, whichever is later (on a clock
 * the test can move). Faults can be injected per endpoint: an error answer, or the answer dropped after the request
 * was carried out.
 */
public final class FakeCyberTipline implements AutoCloseable {

    /** A report as the fake keeps it. */
    public static final class Report {

        public final long id;
        public final byte[] xml;
        public final Instant openedAt;
        public final List<File> files = new ArrayList<>();
        volatile Instant lastChange;
        volatile String state = "OPEN";

        Report(long id, byte[] xml, Instant at) {
            this.id = id;
            this.xml = xml;
            this.openedAt = at;
            this.lastChange = at;
        }

        public String state() {
            return state;
        }

        public String xmlText() {
            return new String(xml, StandardCharsets.UTF_8);
        }
    }

    /** An uploaded file: its name, size, MD5 and, once sent, its file details. */
    public static final class File {

        public final String id;
        public final String name;
        public final long size;
        public final String md5;
        public volatile byte[] details;

        File(String id, String name, long size, String md5) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.md5 = md5;
        }
    }

    /** A one-shot fault for the next call of an endpoint. */
    public record Fault(int httpStatus, int code, String description, boolean dropAfterCommit,
            java.util.concurrent.CountDownLatch reached, java.util.concurrent.CountDownLatch release) {

        /** Answer with this HTTP status and response code, doing nothing. */
        public static Fault answer(int httpStatus, int code, String description) {
            return new Fault(httpStatus, code, description, false, null, null);
        }

        /** Carry the request out, then close the connection without an answer. */
        public static Fault dropAnswer() {
            return new Fault(0, 0, null, true, null, null);
        }

        /** Wait, once the whole request has arrived, until {@code release} opens; then carry on as usual. */
        public static Fault hold(java.util.concurrent.CountDownLatch release) {
            return new Fault(0, 0, null, false, new java.util.concurrent.CountDownLatch(1), release);
        }

        boolean holds() {
            return release != null;
        }
    }

    private static final Duration OPEN_FOR = Duration.ofHours(24);
    private static final Duration IDLE_FOR = Duration.ofHours(1);

    private final HttpServer server;
    private final String authorization;
    private final Schema schema;
    private final AtomicLong ids = new AtomicLong(20_000_000);
    private final Map<Long, Report> reports = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private volatile Duration clockOffset = Duration.ZERO;

    private FakeCyberTipline(HttpServer server, String username, String password) throws Exception {
        this.server = server;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        this.schema = factory.newSchema(new StreamSource(FakeCyberTipline.class.getResource("/xsd/cyber_tipline.xsd")
                .toExternalForm()));
        server.createContext("/ispws/", this::handle);
    }

    /** Starts on {@code port} (0: a free one) of the loopback address, accepting {@code username}/{@code password}. */
    public static FakeCyberTipline start(int port, String username, String password) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        FakeCyberTipline fake = new FakeCyberTipline(server, username, password);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        return fake;
    }

    /** The base URL, as {@code tipline.ncmec.url} takes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ispws");
    }

    /** Queues a fault for the next call of {@code endpoint} ({@code submit}, {@code upload}, …). */
    public void inject(String endpoint, Fault fault) {
        faults.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>()).add(fault);
    }

    /** Moves the fake's clock forward, so unfinished reports can expire. */
    public void advanceClock(Duration by) {
        clockOffset = clockOffset.plus(by);
    }

    /** How many calls {@code endpoint} received, faulted ones included. */
    public long calls(String endpoint) {
        return calls.computeIfAbsent(endpoint, e -> new AtomicLong()).get();
    }

    /** Every report ever opened, by id. */
    public Map<Long, Report> reports() {
        return Map.copyOf(reports);
    }

    /** The finished reports. */
    public List<Report> finished() {
        return reports.values().stream().filter(r -> r.state.equals("FINISHED")).toList();
    }

    public Optional<Report> report(long id) {
        return Optional.ofNullable(reports.get(id));
    }

    private Instant now() {
        return Clock.systemUTC().instant().plus(clockOffset);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String endpoint = exchange.getRequestURI().getPath().substring("/ispws/".length());
        calls.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
        exchange.getResponseHeaders().set("Request-ID", UUID.randomUUID().toString());
        try {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Fault fault = Optional.ofNullable(faults.get(endpoint)).map(Deque::poll).orElse(null);
            if (fault != null && fault.holds()) {
                // NCMEC has the whole request before it carries it out: a client killed while held must not be
                // killed before it sent its body (under load it was, and the finish was then never carried out)
                exchange.setStreams(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()), null);
                fault.reached().countDown();
                awaitQuietly(fault.release());
                fault = null;
            }
            if (fault != null && !fault.dropAfterCommit()) {
                exchange.getRequestBody().readAllBytes();
                answer(exchange, fault.httpStatus(), response(fault.code(), fault.description(), null, null, null));
                return;
            }
            String answer = switch (endpoint) {
                case "status" -> response(0, "Remote User : fake", null, null, null);
                case "submit" -> submit(exchange.getRequestBody().readAllBytes());
                case "upload" -> upload(exchange);
                case "fileinfo" -> fileInfo(exchange.getRequestBody().readAllBytes());
                case "finish" -> finish(id(exchange));
                case "retract" -> retract(id(exchange));
                default -> null;
            };
            if (fault != null) {
                return; // carried out; the connection closes without an answer
            }
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            answer(exchange, answer.contains("<responseCode>0<") ? 200 : statusOf(answer), answer);
        } finally {
            exchange.close();
        }
    }

    private synchronized String submit(byte[] xml) {
        Optional<String> problem = invalid(xml);
        if (problem.isPresent()) {
            return problem.get();
        }
        long id = ids.incrementAndGet();
        reports.put(id, new Report(id, xml, now()));
        return response(0, "Success", id, null, null);
    }

    private String upload(HttpExchange exchange) throws IOException {
        String id = null;
        File file = null;
        try {
            FileItemInputIterator parts = Multipart.parts(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody());
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("id".equals(part.getFieldName())) {
                    id = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                } else if ("file".equals(part.getFieldName())) {
                    MessageDigest md5 = MessageDigest.getInstance("MD5");
                    long size;
                    try (InputStream in = new DigestInputStream(part.getInputStream(), md5)) {
                        size = in.transferTo(OutputStream.nullOutputStream());
                    }
                    file = new File(HexFormat.of().formatHex(randomBytes(16)), part.getName(), size,
                            HexFormat.of().formatHex(md5.digest()));
                }
            }
        } catch (Exception e) {
            return response(4200, "Malformed file submittal", null, null, null);
        }
        if (id == null || file == null || !id.matches("[0-9]+")) {
            return response(4200, "Malformed file submittal: needs the fields id and file", null, null, null);
        }
        synchronized (this) {
            Report report = open(Long.parseLong(id));
            if (report == null) {
                return response(5001, "Report does not exist", null, null, null);
            }
            report.files.add(file);
            report.lastChange = now();
            return response(0, "Success", report.id, file.id, file.md5);
        }
    }

    private synchronized String fileInfo(byte[] xml) {
        Optional<String> problem = invalid(xml);
        if (problem.isPresent()) {
            return problem.get();
        }
        Document details = parse(xml);
        long reportId = Long.parseLong(details.getElementsByTagName("reportId").item(0).getTextContent().trim());
        String fileId = details.getElementsByTagName("fileId").item(0).getTextContent().trim();
        Report report = open(reportId);
        if (report == null) {
            return response(5001, "Report does not exist", null, null, null);
        }
        File file = report.files.stream().filter(f -> f.id.equals(fileId)).findFirst().orElse(null);
        if (file == null) {
            return response(5002, "File does not exist", null, null, null);
        }
        if (file.details != null) {
            return response(4000, "Invalid request: the file's details were submitted already", null, null, null);
        }
        file.details = xml;
        report.lastChange = now();
        return response(0, "Success", reportId, fileId, null);
    }

    private synchronized String finish(long id) {
        Report report = reports.get(id);
        String known = closed(report);
        if (known != null) {
            return known;
        }
        report.state = "FINISHED";
        StringBuilder files = new StringBuilder();
        report.files.forEach(f -> files.append("<fileId>").append(f.id).append("</fileId>"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportDoneResponse><responseCode>0</responseCode><reportId>"
                + id + "</reportId><files>" + files + "</files></reportDoneResponse>";
    }

    private synchronized String retract(long id) {
        Report report = reports.get(id);
        String known = closed(report);
        if (known != null) {
            return known;
        }
        report.state = "RETRACTED";
        return response(0, "Success", id, null, null);
    }

    /** The answer for a report that is not open (5001, 5101, 5102), or null when it is. */
    private String closed(Report report) {
        if (report == null || open(report.id) == null && report.state.equals("DELETED")) {
            return response(5001, "Report does not exist", null, null, null);
        }
        return switch (report.state) {
            case "FINISHED" -> response(5102, "Report already finished", report.id, null, null);
            case "RETRACTED" -> response(5101, "Report already retracted", report.id, null, null);
            default -> null;
        };
    }

    /** The report if it is open, applying NCMEC's deletion of reports left unfinished. */
    private Report open(long id) {
        Report report = reports.get(id);
        if (report == null || !report.state.equals("OPEN")) {
            return null;
        }
        Instant deadline = later(report.openedAt.plus(OPEN_FOR), report.lastChange.plus(IDLE_FOR));
        if (now().isAfter(deadline)) {
            report.state = "DELETED";
            return null;
        }
        return report;
    }

    private Optional<String> invalid(byte[] xml) {
        try {
            parse(xml);
        } catch (IllegalArgumentException e) {
            return Optional.of(response(4110, "Malformed XML", null, null, null));
        }
        try {
            javax.xml.validation.Validator validator = schema.newValidator();
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of(response(4100, "[" + e.getLineNumber() + "," + e.getColumnNumber() + "] - "
                    + e.getMessage(), null, null, null));
        } catch (Exception e) {
            return Optional.of(response(4100, String.valueOf(e.getMessage()), null, null, null));
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }

    private static long id(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && "id".equals(nameValue[0])) {
                String value = URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8);
                if (value.matches("[0-9]{1,18}")) {
                    return Long.parseLong(value);
                }
            }
        }
        return -1;
    }

    private static String response(int code, String description, Long reportId, String fileId, String hash) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse>"
                + "<responseCode>" + code + "</responseCode><responseDescription>"
                + escape(description == null ? "" : description) + "</responseDescription>");
        if (reportId != null) {
            xml.append("<reportId>").append(reportId).append("</reportId>");
        }
        if (fileId != null) {
            xml.append("<fileId>").append(fileId).append("</fileId>");
        }
        if (hash != null) {
            xml.append("<hash>").append(hash).append("</hash>");
        }
        return xml.append("</reportResponse>").toString();
    }

    private static int statusOf(String answer) {
        if (answer.contains("<responseCode>41") || answer.contains("<responseCode>40")
                || answer.contains("<responseCode>42")) {
            return 400;
        }
        return answer.contains("<responseCode>1") ? 500 : 200;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
