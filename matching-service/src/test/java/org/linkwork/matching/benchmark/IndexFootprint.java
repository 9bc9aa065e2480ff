package org.linkwork.matching.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.matching.directory.DirectoryIndex;
import org.linkwork.matching.scoring.Activity;

/** How much heap the in-memory index of a generated 100,000-activity directory holds, after a full GC. */
public final class IndexFootprint {

    public static void main(String[] args) {
        // measured from before the snapshots exist: the index keeps each one (it explains proposals from them)
        long before = usedAfterGc();
        List<DirectoryServiceChanged> services = new DirectoryGenerator(42).services(RankingBenchmark.ACTIVITIES);
        DirectoryIndex index = new DirectoryIndex();
        long revision = 1;
        for (DirectoryServiceChanged s : services) {
            index.put(Activity.of(s), revision++);
        }
        services = null;
        long after = usedAfterGc();
        System.out.printf("index of %d activities: %.1f MB of heap (%d bytes each)%n", index.size(), (after - before) / 1e6,
                (after - before) / index.size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
