package org.tipline.gateway.platform.db;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the ledger is written: group commit of concurrent requests ({@code tipline.ledger.*}). */
@ConfigMapping(prefix = "tipline.ledger")
public interface LedgerConfig {

    /** Group commit: concurrent requests written together. */
    GroupCommit groupCommit();

    /** Group commit settings. */
    interface GroupCommit {

        /**
         * Write concurrent requests together: one transaction, one commit and one multi-row statement per table for
         * all the requests waiting when a committer starts. Each request is still answered only after its group
         * committed. Off: a transaction per request.
         */
        @WithDefault("true")
        boolean enabled();

        /** Committers, each writing one group at a time: while one commits, another gathers the next group. */
        @WithDefault("2")
        @Min(1)
        @Max(16)
        int committers();

        /** Most requests in one group. */
        @WithDefault("64")
        @Min(1)
        @Max(1024)
        int maxRequests();

        /** Most bytes of report content in one group (a larger request still goes alone). */
        @WithDefault("8388608")
        @Min(1)
        long maxBytes();
    }
}
