package org.linkwork.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    private static LinkedHashMap<String, Long> cells(long... counts) {
        LinkedHashMap<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            cells.put("c" + i, counts[i]);
        }
        return cells;
    }

    private static long sum(Map<String, Long> cells) {
        return cells.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void countsFromOneToBelowTheThresholdAreHiddenAndZerosAreShown() {
        LinkedHashMap<String, Long> table = cells(0, 3, 6, 7, 20, 4);
        SmallNumbers.Suppression s = SmallNumbers.additive(table, sum(table), 7);
        assertThat(s.cells()).containsExactlyInAnyOrder("c1", "c2", "c5");
        assertThat(s.total()).isFalse();
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithItSoTheTotalCannotGiveItBack() {
        LinkedHashMap<String, Long> table = cells(40, 3, 12, 9);
        SmallNumbers.Suppression s = SmallNumbers.additive(table, sum(table), 7);
        // 64 - 40 - 12 would be 3+9 = 12 hidden in two cells: neither can be told
        assertThat(s.cells()).containsExactlyInAnyOrder("c1", "c3");
        assertThat(s.total()).isFalse();
    }

    @Test
    void hiddenCellsThatAddUpToASmallNumberTakeMoreCellsWithThem() {
        // 1 + 2 = 3 hidden would tell that those two referrals are 1 and 2 or 2 and 1: a small group
        LinkedHashMap<String, Long> table = cells(1, 2, 30, 50);
        SmallNumbers.Suppression s = SmallNumbers.additive(table, sum(table), 7);
        assertThat(s.cells()).containsExactlyInAnyOrder("c0", "c1", "c2");
    }

    @Test
    void manyOnesAreNotLeftAsExactlyTheirNumber() {
        // seven cells of 1 add up to 7, but seven hidden cells that add up to 7 are each exactly 1
        LinkedHashMap<String, Long> table = cells(1, 1, 1, 1, 1, 1, 1, 100);
        SmallNumbers.Suppression s = SmallNumbers.additive(table, sum(table), 7);
        assertThat(s.cells()).hasSize(8);
        assertThat(s.total()).isFalse();
    }

    @Test
    void aSmallTotalIsHiddenWithEveryCell() {
        LinkedHashMap<String, Long> table = cells(2, 0, 3);
        SmallNumbers.Suppression s = SmallNumbers.additive(table, 5, 7);
        assertThat(s.cells()).containsExactlyInAnyOrder("c0", "c2");
        assertThat(s.total()).isTrue();
    }

    @Test
    void whenNoCellIsLeftToHideTheTotalIsHidden() {
        LinkedHashMap<String, Long> table = cells(3, 0, 0);
        // total 3 is small itself; with a single non-zero cell of 8 and one of 3 there is a partner
        assertThat(SmallNumbers.additive(table, 3, 7).total()).isTrue();
        LinkedHashMap<String, Long> lone = cells(3);
        assertThat(SmallNumbers.additive(lone, 3, 7).total()).isTrue();
    }

    @Test
    void aThresholdOfOneOrLessSwitchesSuppressionOff() {
        LinkedHashMap<String, Long> table = cells(1, 2, 3);
        assertThat(SmallNumbers.additive(table, 6, 1).cells()).isEmpty();
        assertThat(SmallNumbers.additive(table, 6, 0).cells()).isEmpty();
        assertThat(SmallNumbers.funnel(table, 1)).isEmpty();
    }

    /**
     * Against a reader who knows the rule: for many random tables, every hidden cell must still have
     * at least two values consistent with everything published (the shown cells, the total, and that
     * a hidden cell is not zero), and the hidden cells must add up to at least the threshold.
     */
    @Test
    void noHiddenCellOfARandomTableCanBeWorkedOutFromTheTotal() {
        Random random = new Random(20260501);
        for (int round = 0; round < 2_000; round++) {
            int threshold = 2 + random.nextInt(9);
            int size = 1 + random.nextInt(7);
            long[] counts = new long[size];
            for (int i = 0; i < size; i++) {
                counts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? threshold + 1 : 40);
            }
            LinkedHashMap<String, Long> table = cells(counts);
            long total = sum(table);
            SmallNumbers.Suppression s = SmallNumbers.additive(table, total, threshold);
            for (var e : table.entrySet()) {
                // every small count is hidden
                if (SmallNumbers.small(e.getValue(), threshold)) {
                    assertThat(s.cells()).as("table %s threshold %d", table, threshold).contains(e.getKey());
                }
            }
            if (s.cells().isEmpty() || s.total()) {
                continue; // nothing hidden, or the total is not published: the shown cells alone say nothing of the hidden
            }
            long hiddenSum = total - table.entrySet().stream().filter(e -> !s.cells().contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(hiddenSum).as("table %s threshold %d", table, threshold).isGreaterThanOrEqualTo(threshold);
            assertThat(feasibleValuesOfEachHiddenCell(s.cells().size(), hiddenSum)).isGreaterThanOrEqualTo(2);
        }
    }

    /** n hidden cells, each at least 1, adding up to sum: how many values can any one of them take. */
    private static long feasibleValuesOfEachHiddenCell(int n, long sum) {
        if (n == 1) {
            return 1;
        }
        return sum - (n - 1); // from 1 to sum - (n - 1), the others taking 1 each at least
    }

    @Test
    void aFunnelHidesSmallStagesAndSmallStepsBetweenShownStages() {
        LinkedHashMap<String, Long> funnel = new LinkedHashMap<>();
        funnel.put("received", 50L);
        funnel.put("contacted", 47L);   // 3 fewer than received: a small step
        funnel.put("assessed", 30L);
        funnel.put("matched", 25L);
        funnel.put("in-activity", 20L);
        funnel.put("completed", 4L);    // small in itself
        Set<String> hidden = SmallNumbers.funnel(funnel, 7);
        assertThat(hidden).containsExactlyInAnyOrder("contacted", "matched", "completed");
        assertShownStepsAreSafe(funnel, hidden, 7);
    }

    @Test
    void randomFunnelsNeverShowASmallStep() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            int threshold = 2 + random.nextInt(9);
            LinkedHashMap<String, Long> funnel = new LinkedHashMap<>();
            long n = random.nextInt(120);
            for (String stage : KpiCalculator.STAGES) {
                funnel.put(stage, n);
                n = Math.max(0, n - random.nextInt(random.nextBoolean() ? threshold : 30));
            }
            assertShownStepsAreSafe(funnel, SmallNumbers.funnel(funnel, threshold), threshold);
        }
    }

    private static void assertShownStepsAreSafe(LinkedHashMap<String, Long> funnel, Set<String> hidden, int threshold) {
        List<Long> shown = new ArrayList<>();
        funnel.forEach((stage, count) -> {
            if (!hidden.contains(stage)) {
                shown.add(count);
            }
        });
        shown.add(0L); // nobody goes beyond the last stage
        for (int i = 0; i < shown.size(); i++) {
            assertThat(SmallNumbers.small(shown.get(i), threshold)).as("%s hiding %s", funnel, hidden).isFalse();
            if (i + 1 < shown.size()) {
                assertThat(SmallNumbers.small(shown.get(i) - shown.get(i + 1), threshold)).as("%s hiding %s", funnel, hidden).isFalse();
            }
        }
    }

    @Test
    void aRateIsHiddenWhenItsPartsOrTheirDifferenceAreSmall() {
        assertThat(SmallNumbers.rateHidden(20, 40, 7)).isFalse();
        assertThat(SmallNumbers.rateHidden(3, 40, 7)).isTrue();
        assertThat(SmallNumbers.rateHidden(37, 40, 7)).isTrue();
        assertThat(SmallNumbers.rateHidden(0, 40, 7)).isFalse();
        assertThat(SmallNumbers.rateHidden(5, 5, 7)).isTrue();
    }
}
