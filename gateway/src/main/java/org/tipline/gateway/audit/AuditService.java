package org.tipline.gateway.audit;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.note.TreeHead;
import org.tipline.gateway.audit.log.AuditProofs;
import org.tipline.gateway.audit.log.TreeHeads;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.errors.NotFoundException;
import org.tipline.gateway.security.Caller;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

/** What auditors read: events, exports, tree heads and proofs. Every read is itself an audit event. */
@ApplicationScoped
public class AuditService {

    private final Database database;
    private final AuditRepository events;
    private final AuditProofs proofs;
    private final TreeHeads heads;
    private final AuditTrail trail;

    AuditService(Database database, AuditRepository events, AuditProofs proofs, TreeHeads heads, AuditTrail trail) {
        this.database = database;
        this.events = events;
        this.proofs = proofs;
        this.heads = heads;
        this.trail = trail;
    }

    public List<AuditEvent> query(Caller auditor, AuditQuery query) {
        List<AuditEvent> found = database.withConnection(c -> events.query(c, query));
        read(auditor, "events", query.describe(), Math.min(found.size(), query.limit()));
        return found;
    }

    public AuditEvent event(Caller auditor, long seq) {
        AuditEvent event = database.withConnection(c -> events.find(c, seq))
                .orElseThrow(() -> new NotFoundException("No audit event " + seq));
        read(auditor, "event", Map.of("seq", seq), 1);
        return event;
    }

    /**
     * Records the export, then streams it as NDJSON to {@code out}, one event per line, in constant memory. Events
     * sequenced while it streams are included; the export's own audit event is among them only if sequenced in time.
     */
    public void export(Caller auditor, Instant from, Instant to, OutputStream out) {
        read(auditor, "export", query("from", from, "to", to), -1);
        database.inTransaction(c -> events.export(c, from, to, event -> {
            try {
                out.write(event.toJsonLine().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("The export's client went away", e);
            }
        }));
    }

    public Optional<TreeHead> treeHead(Caller auditor) {
        Optional<TreeHead> head = database.withConnection(heads::latest);
        read(auditor, "tree-head", Map.of(), head.isPresent() ? 1 : 0);
        return head;
    }

    public AuditProofs.Inclusion inclusion(Caller auditor, long seq, long treeSize) {
        AuditProofs.Inclusion proof = database.withConnection(c -> proofs.inclusion(c, seq, treeSize));
        read(auditor, "inclusion-proof", Map.of("seq", seq, "treeSize", treeSize), 1);
        return proof;
    }

    public AuditProofs.Consistency consistency(Caller auditor, long first, long second) {
        AuditProofs.Consistency proof = database.withConnection(c -> proofs.consistency(c, first, second));
        read(auditor, "consistency-proof", Map.of("first", first, "second", second), 1);
        return proof;
    }

    public String keyName() {
        return heads.keyName();
    }

    public byte[] publicKey() {
        return heads.publicKey();
    }

    private void read(Caller auditor, String what, Map<String, Object> query, long count) {
        trail.recordRead(AuditEntries.auditRead(auditor.auditActor(), what, query, count));
    }

    private static Map<String, Object> query(String name1, Object value1, String name2, Object value2) {
        Map<String, Object> query = new java.util.LinkedHashMap<>();
        if (value1 != null) {
            query.put(name1, value1.toString());
        }
        if (value2 != null) {
            query.put(name2, value2.toString());
        }
        return query;
    }
}
