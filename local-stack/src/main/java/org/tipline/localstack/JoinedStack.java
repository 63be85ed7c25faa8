package org.tipline.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A local stack that another process runs in the same folder, joined by one more gateway: the same database, broker,
 * keys and evidence folder, found through the folder's {@code stack.json}. The joining gateway never stops the stack;
 * it stops with the process that started it.
 */
public final class JoinedStack {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Path directory;
    private final StackFile file;

    private JoinedStack(Path directory, StackFile file) {
        this.directory = directory;
        this.file = file;
    }

    /**
     * Waits until the stack in {@code directory} answers on the ports its {@code stack.json} names (its owner may still
     * be starting it) for the parts this gateway needs.
     *
     * @throws IOException when it does not answer within {@code wait}, naming the folder
     */
    public static JoinedStack await(Path directory, boolean withPostgres, boolean withKafka, Duration wait)
            throws IOException {
        Instant deadline = Instant.now().plus(wait);
        do {
            StackFile file = StackFile.read(directory).orElse(StackFile.EMPTY);
            if ((!withPostgres || answers(file.postgresPort())) && (!withKafka || answers(file.kafkaPort()))) {
                return new JoinedStack(directory, file);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the local stack in " + directory, e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new IOException("A local stack runs in " + directory + " (its " + StackLock.NAME + " is held) but did"
                + " not answer on the ports of its " + StackFile.NAME + " within " + wait);
    }

    /** The configuration that points this gateway at the joined stack; only the keys it overrides. */
    public Map<String, String> configOverrides(boolean withPostgres, boolean withKafka) {
        return LocalStack.configOverrides(directory, withPostgres ? file.jdbcUrl() : null,
                withKafka ? file.kafkaBootstrapServers() : null);
    }

    /** The first gateway's API address, as {@code stack.json} names it. */
    public String firstGateway() {
        return file.httpUrl();
    }

    private static boolean answers(int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
