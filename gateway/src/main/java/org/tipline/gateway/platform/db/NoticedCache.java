package org.tipline.gateway.platform.db;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values read from the ledger, kept while {@link ChangeNotices} announced no change of their table since they were
 * read, and for at most {@code freshFor}. Nothing is kept while the notices cannot be heard, nor a value read while a
 * change was announced; past {@code maxEntries} the cache starts over rather than grow.
 */
public final class NoticedCache<K, V> {

    private final ChangeNotices notices;
    private final String topic;
    private final long freshForNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** A cache of the table whose notices carry {@code topic} (the table's name, see migration V6). */
    public NoticedCache(ChangeNotices notices, String topic, Duration freshFor, int maxEntries) {
        this.notices = notices;
        this.topic = topic;
        this.freshForNanos = freshFor.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value of {@code key}: as read before if still current, or else from {@code lookUp}, kept if {@code keep}. */
    public V get(K key, Function<K, V> lookUp, Predicate<V> keep) {
        if (!notices.isListening()) {
            return lookUp.apply(key);
        }
        long generation = notices.generation(topic);
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == generation && now - entry.readAt() < freshForNanos) {
            return entry.value();
        }
        V value = lookUp.apply(key);
        if (keep.test(value) && notices.isListening() && notices.generation(topic) == generation) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, generation, now));
        }
        return value;
    }

    private record Entry<V>(V value, long generation, long readAt) {
    }
}
