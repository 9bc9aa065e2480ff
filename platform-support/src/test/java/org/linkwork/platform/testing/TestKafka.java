package org.linkwork.platform.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real KRaft Kafka broker inside the test JVM, started on first use and shared by every test
 * class of the run. It is not closed: it ends with the test JVM (closing it while the fork exits
 * made the fork itself fail now and then), and its data lives under the module's {@code target/}.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                        .setBaseDirectory(dataDirectory()).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the Kafka broker for the tests", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static java.nio.file.Path dataDirectory() throws java.io.IOException {
        java.nio.file.Path target = java.nio.file.Path.of(System.getProperty("user.dir"), "target");
        java.nio.file.Files.createDirectories(target);
        return java.nio.file.Files.createTempDirectory(target, "kafka-test-");
    }
}
