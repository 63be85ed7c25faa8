package org.tipline.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second run on a folder whose stack is running joins it and leaves it running; once the first stops, the folder can
 * be started again. (Before the lock, a second start stopped the first run's PostgreSQL to take its data folder.)
 */
class LocalStackTest {

    @Test
    void aSecondStartOnARunningStackJoinsItInsteadOfTakingItOver(@TempDir Path directory) throws Exception {
        // Given
        try (LocalStack first = LocalStack.start(directory, true, false)) {
            first.describe(Optional.empty(), Optional.empty(), "http://127.0.0.1:8080",
                    "http://127.0.0.1:9000").write(directory);
            // When
            assertThatThrownBy(() -> LocalStack.start(directory, true, false))
                    .isInstanceOf(StackInUseException.class).hasMessageContaining(directory.toString());
            Map<String, String> joined = JoinedStack.await(directory, true, false, Duration.ofSeconds(10))
                    .configOverrides(true, false);
            // Then
            assertThat(joined).containsEntry("quarkus.datasource.jdbc.url", first.postgres().orElseThrow().jdbcUrl())
                    .containsEntry("tipline.keys.directory", directory.resolve("keys").toString())
                    .containsEntry("tipline.evidence.directory", directory.resolve("evidence").toString())
                    .doesNotContainKey("kafka.bootstrap.servers");
            try (Connection connection = DriverManager.getConnection(joined.get("quarkus.datasource.jdbc.url"),
                    joined.get("quarkus.datasource.username"), joined.get("quarkus.datasource.password"))) {
                assertThat(connection.isValid(5)).as("the first run's PostgreSQL still serves").isTrue();
            }
        }
        try (LocalStack again = LocalStack.start(directory, true, false)) {
            assertThat(again.postgres()).as("the folder is free again once its stack stopped").isPresent();
        }
    }

    @Test
    void joiningAStackThatNeverAnswersFailsNamingTheFolder(@TempDir Path directory) {
        // Given: no stack.json, nothing listening
        // When / Then
        assertThatThrownBy(() -> JoinedStack.await(directory, true, true, Duration.ofMillis(300)))
                .hasMessageContaining(directory.toString()).hasMessageContaining("did not answer");
    }
}
