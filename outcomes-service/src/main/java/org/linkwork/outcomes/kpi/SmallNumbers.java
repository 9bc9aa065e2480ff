package org.linkwork.outcomes.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression. A count from 1 to {@code threshold - 1} is hidden (zero is shown: it
 * describes nobody). Then, so that the published total and the other cells cannot give a hidden
 * count back, more cells are hidden until the hidden cells of a table are at least two, add up to at
 * least the threshold, and add up to more than their number (else each would be exactly 1). When no
 * cell is left to hide, the total is hidden too.
 */
public final class SmallNumbers {

    private SmallNumbers() {
    }

    public record Suppression(Set<String> cells, boolean total) {
        static final Suppression NONE = new Suppression(Set.of(), false);
    }

    public static boolean small(long count, int threshold) {
        return count > 0 && count < threshold;
    }

    /** Which cells of an additive table (rows summing to total) to hide. */
    public static Suppression additive(Map<String, Long> cells, long total, int threshold) {
        if (threshold <= 1) {
            return Suppression.NONE;
        }
        Set<String> hidden = new LinkedHashSet<>();
        cells.forEach((key, n) -> {
            if (small(n, threshold)) {
                hidden.add(key);
            }
        });
        if (small(total, threshold)) {
            return new Suppression(hidden, true);
        }
        while (!hidden.isEmpty()) {
            long sum = hidden.stream().mapToLong(cells::get).sum();
            if (hidden.size() >= 2 && sum >= threshold && sum > hidden.size()) {
                return new Suppression(hidden, false);
            }
            // the complementary cell: the smallest count still shown (ties by table order)
            String next = cells.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue))
                    .map(Map.Entry::getKey).orElse(null);
            if (next == null) {
                return new Suppression(hidden, true);
            }
            hidden.add(next);
        }
        return Suppression.NONE;
    }

    /**
     * Which stages of a funnel to hide. A stage count includes every later stage, so the difference
     * of two shown neighbours is a count of people too: every shown count, and every difference
     * between neighbouring shown counts (the last against zero), must be zero or at least the threshold.
     */
    public static Set<String> funnel(LinkedHashMap<String, Long> stages, int threshold) {
        Set<String> hidden = new LinkedHashSet<>();
        if (threshold <= 1) {
            return hidden;
        }
        stages.forEach((stage, n) -> {
            if (small(n, threshold)) {
                hidden.add(stage);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            List<String> shown = new ArrayList<>(stages.keySet());
            shown.removeAll(hidden);
            for (int i = 0; i + 1 < shown.size(); i++) {
                if (small(stages.get(shown.get(i)) - stages.get(shown.get(i + 1)), threshold)) {
                    hidden.add(shown.get(i + 1));
                    changed = true;
                    break;
                }
            }
        }
        return hidden;
    }

    /** A rate num/den is hidden when the numerator, the denominator or their difference is small. */
    public static boolean rateHidden(long numerator, long denominator, int threshold) {
        return threshold > 1 && (small(numerator, threshold) || small(denominator, threshold)
                || small(denominator - numerator, threshold));
    }
}
