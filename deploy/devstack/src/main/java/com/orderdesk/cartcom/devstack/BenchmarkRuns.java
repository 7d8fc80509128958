package com.orderdesk.cartcom.devstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One figure over a benchmark's runs (the system benchmark, the importer's): judged by its median, shown with the
 * lowest and the highest.
 */
public final class BenchmarkRuns {
    private final List<Double> values = new ArrayList<>();

    public void add(double value) {
        values.add(value);
    }

    public double median() {
        return sorted().get(values.size() / 2);
    }

    /** "median (min / max)" in {@code format}, or just the value after a single run. */
    public String show(String format) {
        List<Double> sorted = sorted();
        String median = String.format(Locale.ROOT, format, median());
        return sorted.size() == 1 ? median : median + " (min " + String.format(Locale.ROOT, format, sorted.get(0))
                + ", max " + String.format(Locale.ROOT, format, sorted.get(sorted.size() - 1)) + ")";
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no run measured");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
