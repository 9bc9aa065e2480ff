package org.linkwork.matching.benchmark;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.matching.directory.DirectoryIndex;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.matching.scoring.MatchRules;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.MatchWeights;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.PostgresBaseline;
import org.linkwork.matching.scoring.Ranking;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking one referral against a generated directory of 100,000 activities: in process over the
 * in-memory index, and, as the floor measured in the same run, the same ranking as one PostgreSQL
 * query over the same data (earthdistance GiST and GIN indexes). Sample time, so JMH reports p99.
 * Run with {@code BenchmarkMain}; see the module README.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
// a fixed, pre-touched heap and a named collector, so the tail does not depend on heap growth or the JVM's ergonomics
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"})
public class RankingBenchmark {

    static final int ACTIVITIES = Integer.getInteger("bench.activities", 100_000);
    static final int PEOPLE = 1000;
    static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    static final MatchScorer SCORER = new MatchScorer(MatchWeights.DEFAULT, MatchRules.DEFAULT);

    /** The generated directory and people, the same for both benchmarks (same seeds). */
    static List<Activity> directory() {
        List<Activity> activities = new ArrayList<>(ACTIVITIES);
        for (DirectoryServiceChanged s : new DirectoryGenerator(42).services(ACTIVITIES)) {
            activities.add(Activity.of(s));
        }
        return activities;
    }

    static List<Person> people() {
        DirectoryGenerator generator = new DirectoryGenerator(4242);
        List<Person> people = new ArrayList<>(PEOPLE);
        for (int i = 0; i < PEOPLE; i++) {
            people.add(generator.person());
        }
        return people;
    }

    @State(Scope.Benchmark)
    public static class InMemory {
        DirectoryIndex index;
        List<Person> people;
        int next;

        @Setup
        public void load() {
            index = new DirectoryIndex();
            long revision = 1;
            for (Activity a : directory()) {
                index.put(a, revision++);
            }
            people = people();
        }

        Person person() {
            next = (next + 1) % people.size();
            return people.get(next);
        }
    }

    @State(Scope.Benchmark)
    public static class InPostgres {
        PostgresBaseline baseline;
        List<Person> people;
        int next;

        @Setup
        public void load() throws SQLException {
            String server = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
            PostgresBaseline.createDatabase(server, "linkwork_matching_bench", "postgres", "");
            baseline = new PostgresBaseline(server + "linkwork_matching_bench", "postgres", "", MatchWeights.DEFAULT, MatchRules.DEFAULT);
            baseline.load(directory());
            people = people();
        }

        @TearDown
        public void close() throws SQLException {
            baseline.close();
        }

        Person person() {
            next = (next + 1) % people.size();
            return people.get(next);
        }
    }

    @Benchmark
    public Ranking inProcess(InMemory state) {
        Person person = state.person();
        MatchScorer.Ranker ranker = SCORER.ranker(person, 5, 5, TODAY);
        state.index.candidates(ranker.needMask(), person.place(), ranker.searchRadiusKm(), ranker);
        return ranker.ranking();
    }

    @Benchmark
    public List<String> postgresQuery(InPostgres state) throws SQLException {
        return state.baseline.rank(state.person(), 5, TODAY);
    }
}
