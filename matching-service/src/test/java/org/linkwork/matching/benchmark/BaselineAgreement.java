package org.linkwork.matching.benchmark;

import java.util.List;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.matching.scoring.MatchRules;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.MatchWeights;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.PostgresBaseline;

/**
 * Checks that the PostgreSQL baseline ranks as the scorer does, so the benchmark compares like with
 * like: the top 5 of both for the benchmark's people, side by side. Run after the JMH run (it reuses
 * the baseline tables) or on its own (it loads them).
 */
public final class BaselineAgreement {

    public static void main(String[] args) throws Exception {
        String server = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        List<Activity> directory = RankingBenchmark.directory();
        PostgresBaseline.createDatabase(server, "linkwork_matching_bench", "postgres", "");
        try (PostgresBaseline baseline = new PostgresBaseline(server + "linkwork_matching_bench", "postgres", "", MatchWeights.DEFAULT,
                MatchRules.DEFAULT)) {
            baseline.load(directory);
            MatchScorer scorer = RankingBenchmark.SCORER;
            int same = 0;
            List<Person> people = RankingBenchmark.people();
            for (Person person : people) {
                List<String> inProcess = scorer.rank(person, directory, 5, 0, RankingBenchmark.TODAY).proposals().stream()
                        .map(p -> p.activity().serviceId()).toList();
                List<String> sql = baseline.rank(person, 5, RankingBenchmark.TODAY);
                if (inProcess.equals(sql)) {
                    same++;
                } else if (same + 1 < 5 || Boolean.getBoolean("bench.verbose")) {
                    System.out.println("differs: " + inProcess + " vs " + sql);
                }
            }
            System.out.printf("same top 5 for %d of %d people%n", same, people.size());
        }
    }
}
