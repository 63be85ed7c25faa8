package org.tipline.bench;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The load generator's HTTP client: Vert.x on one event loop, HTTP/1.1 keep-alive connections, nothing blocked per
 * request. On a two-core machine the harness shares the CPU with the gateway, its broker and its database; the JDK's
 * {@code HttpClient} cost several times more CPU per request (docs/performance.md), CPU the gateway then lacked.
 */
final class LoadClient implements AutoCloseable {

    /** A request's answer: the status and the body. */
    record Answer(int status, String body) {
    }

    private final Vertx vertx;
    private final HttpClient http;

    LoadClient(URI base, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setKeepAlive(true)
                .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(connections));
    }

    /** POSTs a JSON body with a fresh Idempotency-Key; completes with the answer, or exceptionally. */
    CompletableFuture<Answer> post(String key, String path, byte[] body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Authorization", "Bearer " + key)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> new Answer(response.statusCode(),
                        answer.toString())))
                .toCompletionStage().toCompletableFuture();
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
