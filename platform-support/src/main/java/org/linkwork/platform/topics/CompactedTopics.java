package org.linkwork.platform.topics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the topics a service publishes full snapshots on are compacted, so the latest record
 * per key (or its tombstone) is kept for ever and a consumer can rebuild its state from the topic
 * alone. A broker that auto-creates topics would otherwise create them with deletion by age.
 * Runs in the background and retries while the broker is away, so start-up never waits on Kafka.
 */
@ApplicationScoped
public class CompactedTopics {

    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    /** Topics this service owns that must be compacted; none by default. */
    @ConfigProperty(name = "linkwork.topics.compacted")
    Optional<List<String>> compacted;

    @ConfigProperty(name = "linkwork.topics.partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "linkwork.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    private ScheduledExecutorService retry;

    void onStart(@Observes StartupEvent event) {
        List<String> topics = compacted.orElse(List.of());
        if (topics.isEmpty()) {
            return;
        }
        retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compacted-topics");
            t.setDaemon(true);
            return t;
        });
        retry.execute(() -> ensure(topics));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retry != null) {
            retry.shutdownNow();
        }
    }

    private void ensure(List<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Collection<ConfigResource> present = new ArrayList<>();
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    present.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                } else {
                    missing.add(new NewTopic(topic, partitions, replicationFactor)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
            if (!present.isEmpty()) {
                AlterConfigOp compact = new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
                Map<ConfigResource, Collection<AlterConfigOp>> ops = new java.util.HashMap<>();
                present.forEach(r -> ops.put(r, List.of(compact)));
                admin.incrementalAlterConfigs(ops).all().get(10, TimeUnit.SECONDS);
            }
            LOG.infof("Compacted topics ready: %s", topics);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            LOG.warnf("Could not make %s compacted yet (%s); trying again in 30 s", topics, e.getClass().getSimpleName());
            if (!retry.isShutdown()) {
                retry.schedule(() -> ensure(topics), 30, TimeUnit.SECONDS);
            }
        }
    }
}
