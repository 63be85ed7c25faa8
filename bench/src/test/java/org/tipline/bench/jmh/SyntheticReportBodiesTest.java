package org.tipline.bench.jmh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipline.bench.SyntheticReportBodies;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.platform.json.RequestReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The benchmarks' synthetic reports are valid reports of about the size asked for, so they measure real work. */
class SyntheticReportBodiesTest {

    private static final RequestReader READER = Components.requestReader();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {2048, 20480})
    void bodiesAreValidReportsOfAboutTheSizeAskedFor(int size) {
        // Given
        SyntheticReportBodies bodies = new SyntheticReportBodies(size);
        for (int i = 0; i < 200; i++) {
            // When
            byte[] body = bodies.body(size);
            // Then
            assertThat(body.length).isBetween(size, size + size / 5);
            assertThatCode(() -> READER.parse(body, ReportRequest.class)).doesNotThrowAnyException();
        }
    }
}
