package org.linkwork.events;

/**
 * A payload published on one of the platform's topics. The key of the Kafka record is the
 * aggregate id, so that all events of one aggregate stay in order on one partition.
 */
public interface LinkworkEvent {

    /** The Kafka record key and CloudEvents {@code ce_subject}. */
    String aggregateId();
}
