package org.tipline.gateway.platform.idempotency;

/**
 * The result of an idempotent operation and whether it was replayed from an earlier request with the same key.
 *
 * @param status the HTTP status the original answer had
 */
public record Outcome<T>(T result, int status, boolean replayed) {
}
