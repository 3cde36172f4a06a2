package dev.tango.benchmark;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds, from 1 µs to 10 minutes at three significant digits; safe to record from any thread. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(
                Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** {@code p50 1.23 ms · p99 … · p99.9 … · max …} */
    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms · p99 %.1f ms · p99.9 %.1f ms · max %.1f ms",
                percentileMillis(50),
                percentileMillis(99),
                percentileMillis(99.9),
                maxMillis());
    }
}
