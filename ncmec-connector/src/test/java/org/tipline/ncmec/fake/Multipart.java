package org.tipline.ncmec.fake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.RequestContext;

/** The fake's multipart/form-data parser: Commons FileUpload's streaming iterator over the request body. */
final class Multipart {

    private Multipart() {
    }

    static FileItemInputIterator parts(String contentType, InputStream body) throws IOException {
        return new Streaming().getItemIterator(new Request(contentType, body));
    }

    private static final class Streaming extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) {
            throw new UnsupportedOperationException("streamed");
        }

        @Override
        public List<DiskFileItem> parseRequest(RequestContext request) {
            throw new UnsupportedOperationException("streamed");
        }
    }

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
