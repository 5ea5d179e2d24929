package io.switchboard.queue.dialer.pacing;

import java.time.Duration;
import java.util.Arrays;

/**
 * The last {@code capacity} durations of one kind (ring before a live answer, talk, wrap-up), as an empirical
 * distribution the predictive pacer asks "how likely is it over by then?". Older samples fall out as new ones come,
 * so the distribution follows the campaign through the day. Not thread-safe: one campaign's figures live on one
 * thread.
 */
final class Durations {

    /** Below this many samples longer than an elapsed time, the tail is read as exponential (see {@link #endsWithin}). */
    static final int TAIL_SAMPLES = 10;

    private final double[] ring;
    private int next;
    private int size;
    private final double[] sorted;
    private double sum;
    private double tailMean;

    Durations(int capacity) {
        if (capacity < TAIL_SAMPLES) {
            throw new IllegalArgumentException("capacity must be at least " + TAIL_SAMPLES + ", was " + capacity);
        }
        this.ring = new double[capacity];
        this.sorted = new double[capacity];
    }

    void add(Duration duration) {
        double seconds = Math.max(0, duration.toMillis()) / 1000.0;
        if (size == ring.length) {
            double evicted = ring[next];
            int at = upperBound(sorted, size, evicted) - 1;
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
            sum -= evicted;
        }
        int at = upperBound(sorted, size, seconds);
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = seconds;
        size++;
        sum += seconds;
        ring[next] = seconds;
        next = (next + 1) % ring.length;
        tailMean = tailMean();
    }

    int size() {
        return size;
    }

    /** The mean in seconds, 0 when empty. */
    double mean() {
        return size == 0 ? 0 : sum / size;
    }

    /** The share of samples at most {@code seconds} long, 0 when empty. */
    double cdf(double seconds) {
        return size == 0 ? 0 : (double) upperBound(sorted, size, seconds) / size;
    }

    /** The {@code q} quantile in seconds (0 when empty). */
    double quantile(double q) {
        return size == 0 ? 0 : sorted[Math.min(size - 1, (int) Math.floor(q * size))];
    }

    /**
     * The chance that something that has lasted {@code elapsed} seconds so far ends within {@code more} seconds.
     * Read from the samples longer than {@code elapsed} while there are {@link #TAIL_SAMPLES} of them; beyond, the
     * tail is taken as exponential with the mean excess of the longest samples, so an agent talking longer than
     * almost every call before still frees at a plausible rate (an empty distribution says 0: nothing is known).
     */
    double endsWithin(double elapsed, double more) {
        double[] out = new double[1];
        endsWithin(elapsed, more, out);
        return out[0];
    }

    /**
     * {@link #endsWithin(double, double)} for {@code more}, {@code more + 1}, ... seconds, one per element of
     * {@code out}: the pacer's horizon second by second, for the cost of one look-up of {@code elapsed}.
     */
    void endsWithin(double elapsed, double more, double[] out) {
        if (size == 0) {
            Arrays.fill(out, 0);
            return;
        }
        int longer = size - upperBound(sorted, size, elapsed);
        for (int i = 0; i < out.length; i++) {
            double within = more + i;
            if (within <= 0) {
                out[i] = 0;
            } else if (longer >= TAIL_SAMPLES) {
                out[i] = (double) (longer - (size - upperBound(sorted, size, elapsed + within))) / longer;
            } else {
                out[i] = 1 - Math.exp(-within / tailMean);
            }
        }
    }

    /** The mean excess over the {@link #TAIL_SAMPLES}-th longest sample of the longest samples, 1 s at least. */
    private double tailMean() {
        int k = Math.min(TAIL_SAMPLES, size);
        double threshold = sorted[size - k];
        double excess = 0;
        for (int i = size - k; i < size; i++) {
            excess += sorted[i] - threshold;
        }
        return Math.max(1.0, excess / k);
    }

    /** How many of the first {@code size} sorted values are at most {@code value}. */
    private static int upperBound(double[] s, int size, double value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (s[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
