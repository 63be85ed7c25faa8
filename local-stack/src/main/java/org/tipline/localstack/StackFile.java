package org.tipline.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code .tipline/stack.json}: where the local stack listens, so people and tools connect without reading logs.
 * The ports are reused by the next run when they are free. Unreadable files are treated as absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackFile(String kafkaBootstrapServers, String jdbcUrl, String jdbcUser, String httpUrl,
        int postgresPort, int kafkaPort, int kafkaControllerPort, String connectorJdbcUrl, String managementUrl) {

    static final StackFile EMPTY = new StackFile(null, null, null, null, 0, 0, 0, null, null);
    static final String NAME = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Optional<StackFile> read(Path directory) {
        Path file = directory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackFile.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the file atomically, so a reader never sees half of it. */
    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, NAME, ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, directory.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
