package org.tipline.localstack;

import java.io.IOException;
import java.nio.file.Path;

/** Another process runs a local stack in this folder: a gateway joins it (see {@link JoinedStack}) instead. */
public final class StackInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    StackInUseException(Path directory) {
        super("A local stack already runs in " + directory + " (its " + StackLock.NAME + " is held by another"
                + " process)");
    }
}
