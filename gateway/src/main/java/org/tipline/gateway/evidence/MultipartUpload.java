package org.tipline.gateway.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * The evidence file inside a {@code multipart/form-data} upload: the one part named {@code file}, read as a stream
 * straight from the request (never buffered whole, never spooled to disk, where it would lie unencrypted). A body
 * without that part, with any other part, or that is not well-formed multipart fails with
 * {@link MalformedRequestException} (400) — for parts after the file, when the file's stream reaches its end, so
 * before anything is committed.
 */
final class MultipartUpload {

    /** The name of the form field that carries the file. */
    static final String FIELD = "file";

    private MultipartUpload() {
    }

    /** The file part of {@code body}, sent with {@code contentType}, and its declared media type (or null). */
    static Part open(String contentType, InputStream body) {
        try {
            FileItemInputIterator parts = new StreamingUpload().getItemIterator(new Request(contentType, body));
            if (!parts.hasNext()) {
                throw refused("", ViolationCode.REQUIRED, "needs a part named 'file'");
            }
            FileItemInput part = parts.next();
            if (!FIELD.equals(part.getFieldName())) {
                throw refused("/" + Violation.escape(String.valueOf(part.getFieldName())),
                        ViolationCode.UNKNOWN_FIELD, "is not a part of an evidence upload; send one part named 'file'");
            }
            return new Part(new EndChecked(part.getInputStream(), parts), part.getContentType());
        } catch (IOException e) { // FileUploadException is one too
            throw malformed();
        }
    }

    /** The file's bytes and the media type its part declared. */
    record Part(InputStream content, String mediaType) {
    }

    /** Ends the file's stream by making sure nothing but the closing boundary follows it. */
    private static final class EndChecked extends FilterInputStream {

        private final FileItemInputIterator parts;
        private boolean checked;

        EndChecked(InputStream file, FileItemInputIterator parts) {
            super(file);
            this.parts = parts;
        }

        @Override
        public int read() {
            try {
                return checked(super.read());
            } catch (IOException e) { // a truncated body or a broken boundary
                throw malformed();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return checked(super.read(buffer, offset, length));
            } catch (IOException e) {
                throw malformed();
            }
        }

        private int checked(int result) throws IOException {
            if (result == -1 && !checked) {
                checked = true;
                if (parts.hasNext()) {
                    throw refused("/" + Violation.escape(String.valueOf(parts.next().getFieldName())),
                            ViolationCode.UNKNOWN_FIELD, "follows the file; send one part named 'file'");
                }
            }
            return result;
        }
    }

    private static MalformedRequestException refused(String pointer, ViolationCode code, String message) {
        return new MalformedRequestException("The multipart upload is not an evidence upload",
                List.of(new Violation(pointer, code, message)));
    }

    private static MalformedRequestException malformed() {
        return new MalformedRequestException("The multipart body is not well-formed",
                List.of(new Violation("", ViolationCode.MALFORMED_MULTIPART, "is not well-formed multipart/form-data"
                        + " with a boundary")));
    }

    /** The library's streaming parser, over a plain stream (no servlet API, no item factory: nothing is stored). */
    private static final class StreamingUpload
            extends
                AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {

        StreamingUpload() {
            setHeaderCharset(StandardCharsets.UTF_8);
            setFileCountMax(16);
        }

        @Override
        public FileItemInputIterator getItemIterator(RequestContext request) throws FileUploadException, IOException {
            return super.getItemIterator(request);
        }

        @Override
        public java.util.Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) {
            throw new UnsupportedOperationException("evidence is streamed, never parsed into items");
        }

        @Override
        public List<DiskFileItem> parseRequest(RequestContext request) {
            throw new UnsupportedOperationException("evidence is streamed, never parsed into items");
        }
    }

    /** A request as the parser sees it: a content type (with the boundary) and a body of unknown length. */
    private record Request(String contentType, InputStream body) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
