package com.complaintcase.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A fixed set of choices with relative weights, drawn from a seeded {@link Random}. */
final class Weighted<T> {

    private final List<T> choices = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T choice, double weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("weight of " + choice + " must be positive");
        }
        total += weight;
        choices.add(choice);
        cumulative.add(total);
        return this;
    }

    T draw(Random random) {
        double point = random.nextDouble() * total;
        for (int i = 0; i < choices.size(); i++) {
            if (point < cumulative.get(i)) {
                return choices.get(i);
            }
        }
        return choices.get(choices.size() - 1);
    }
}
