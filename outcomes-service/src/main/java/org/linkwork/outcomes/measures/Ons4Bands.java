package org.linkwork.outcomes.measures;

/**
 * The ONS thresholds for personal wellbeing answers (ONS, Personal well-being user guidance):
 * life satisfaction, worthwhile and happiness 0–4 low, 5–6 medium, 7–8 high, 9–10 very high;
 * anxiety 0–1 very low, 2–3 low, 4–5 medium, 6–10 high. Bands are numbered from worse to better.
 */
public final class Ons4Bands {

    private Ons4Bands() {
    }

    /** 0 (worst) to 3 (best). */
    public static int band(String item, double answer) {
        if ("anxiety".equals(item)) {
            return answer >= 6 ? 0 : answer >= 4 ? 1 : answer >= 2 ? 2 : 3;
        }
        return answer >= 9 ? 3 : answer >= 7 ? 2 : answer >= 5 ? 1 : 0;
    }

    public static String label(String item, double answer) {
        int band = band(item, answer);
        if ("anxiety".equals(item)) {
            return new String[] {"high", "medium", "low", "very-low"}[band];
        }
        return new String[] {"low", "medium", "high", "very-high"}[band];
    }
}
