package org.tipline.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes). Open-loop runs record
 * each latency from the request's scheduled send time, not from when it was actually sent, so that coordinated
 * omission is corrected: a request held up behind a slow one counts the wait too.
 */
final class Latency {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
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
