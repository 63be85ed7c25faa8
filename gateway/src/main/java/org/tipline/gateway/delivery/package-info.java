/** Delivery: the outbox, its relay to Kafka with signed envelopes and urgent lanes, and receivers' acknowledgements. */
package org.tipline.gateway.delivery;
