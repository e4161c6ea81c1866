package io.aclens.contracts;

/** Every event has an id that stays the same when it is published again, so consumers can drop repeats. */
public interface AclensEvent {
    String eventId();

    /** The Kafka record key: events that must stay in order share a key (and so a partition). */
    String partitionKey();
}
