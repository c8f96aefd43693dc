package dev.skopos.istiod;

import dev.skopos.istiod.PrometheusText.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Prometheus histogram read from one scrape: cumulative buckets, sum and count. Quantiles are
 * estimated the way PromQL's {@code histogram_quantile} does, so the numbers match a Grafana panel
 * fed the same counters (over all time here, not a rate: one scrape has no window).
 *
 * @param buckets cumulative buckets sorted by upper bound, {@code +Inf} last
 * @param sum     {@code _sum}, NaN when absent
 * @param count   {@code _count}, else the {@code +Inf} bucket
 */
public record Histogram(List<Bucket> buckets, double sum, long count) {

    /** One {@code _bucket{le=...}}: observations at or below {@code upperBound}. */
    public record Bucket(double upperBound, long cumulativeCount) {
    }

    /** p50, p90 and p99; NaN when the histogram is empty. */
    public record Quantiles(double p50, double p90, double p99) {
    }

    public Histogram {
        buckets = List.copyOf(buckets);
    }

    /**
     * The histogram {@code name} over the samples whose labels pass {@code labels} (label sets
     * other than {@code le} are summed, as {@code sum by (le)} would). Null when there are no buckets.
     */
    public static Histogram of(List<Sample> samples, String name, Predicate<Map<String, String>> labels) {
        java.util.TreeMap<Double, Long> cumulative = new java.util.TreeMap<>();
        double sum = Double.NaN;
        long count = -1;
        boolean any = false;
        for (Sample s : samples) {
            if (!labels.test(s.labels())) {
                continue;
            }
            if (s.name().equals(name + "_bucket") && s.labels().containsKey("le")) {
                double le = parseBound(s.label("le"));
                cumulative.merge(le, Math.round(s.value()), Long::sum);
                any = true;
            } else if (s.name().equals(name + "_sum")) {
                sum = Double.isNaN(sum) ? s.value() : sum + s.value();
            } else if (s.name().equals(name + "_count")) {
                count = (count < 0 ? 0 : count) + Math.round(s.value());
            }
        }
        if (!any) {
            return null;
        }
        List<Bucket> list = new ArrayList<>();
        cumulative.forEach((le, c) -> list.add(new Bucket(le, c)));
        list.sort(Comparator.comparingDouble(Bucket::upperBound));
        if (count < 0) {
            count = list.get(list.size() - 1).cumulativeCount();
        }
        return new Histogram(list, sum, count);
    }

    private static double parseBound(String le) {
        return switch (le) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(le);
                } catch (NumberFormatException e) {
                    throw new IstiodParseException("metrics: bucket bound le=\"" + le + "\" is not a number");
                }
            }
        };
    }

    /**
     * PromQL's {@code histogram_quantile(q, ...)}: find the bucket holding rank q × total and
     * interpolate linearly inside it (the first bucket starts at 0). A rank in the {@code +Inf}
     * bucket answers the highest finite bound, since nothing is known above it.
     */
    public double quantile(double q) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (buckets.size() < 2 || !Double.isInfinite(buckets.get(buckets.size() - 1).upperBound())) {
            return Double.NaN;
        }
        long total = buckets.get(buckets.size() - 1).cumulativeCount();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        int b = 0;
        while (b < buckets.size() - 1 && buckets.get(b).cumulativeCount() < rank) {
            b++;
        }
        if (b == buckets.size() - 1) {
            return buckets.get(b - 1).upperBound();
        }
        Bucket bucket = buckets.get(b);
        if (b == 0 && bucket.upperBound() <= 0) {
            return bucket.upperBound();
        }
        double start = b == 0 ? 0 : buckets.get(b - 1).upperBound();
        long below = b == 0 ? 0 : buckets.get(b - 1).cumulativeCount();
        long inBucket = bucket.cumulativeCount() - below;
        if (inBucket == 0) {
            return bucket.upperBound();
        }
        return start + (bucket.upperBound() - start) * ((rank - below) / inBucket);
    }

    public Quantiles quantiles() {
        return new Quantiles(quantile(0.5), quantile(0.9), quantile(0.99));
    }

    /** The mean observation, NaN when empty or without {@code _sum}. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
