package org.tipline.gateway.platform.kafka;

import java.util.List;

/**
 * The topics a component reads or writes. Components declare theirs as beans; the topic provisioner creates the
 * missing ones at start-up where the gateway manages its topics.
 */
public interface TopicDemand {

    /** The topic names this component needs. */
    List<String> topics();
}
