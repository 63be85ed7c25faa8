/** Idempotency keys: one outcome per key, replayed for retries, refused for a different request. */
package org.tipline.gateway.platform.idempotency;
