/** Kafka clients with the settings the guarantees depend on, and the topics components declare. */
package org.tipline.gateway.platform.kafka;
