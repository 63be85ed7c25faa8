package org.tipline.gateway.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes). Open-loop runs record
 * with the expected interval so that coordinated omission is corrected: a request that waited behind a slow one counts
 * the time it should have been sent, not the time it was.
 */
final class Latency {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /** Records a latency measured from the intended send time, back-filling the requests that could not be sent. */
    synchronized void recordCorrected(long nanos, long expectedIntervalNanos) {
        histogram.recordValueWithExpectedInterval(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)),
                Math.max(1, TimeUnit.NANOSECONDS.toMicros(expectedIntervalNanos)));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    /** p50, p95, p99, p99.9 and max in milliseconds, and the count. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50Ms", ms(histogram.getValueAtPercentile(50)));
        summary.put("p95Ms", ms(histogram.getValueAtPercentile(95)));
        summary.put("p99Ms", ms(histogram.getValueAtPercentile(99)));
        summary.put("p999Ms", ms(histogram.getValueAtPercentile(99.9)));
        summary.put("maxMs", ms(histogram.getMaxValue()));
        return summary;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
