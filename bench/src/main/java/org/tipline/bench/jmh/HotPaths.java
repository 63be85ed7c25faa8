package org.tipline.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tipline.bench.SyntheticReportBodies;
import org.tipline.core.json.CanonicalJson;
import org.tipline.core.merkle.MerkleTree;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.platform.crypto.ContentCipher;
import org.tipline.gateway.platform.crypto.EcdhEsSealer;
import org.tipline.gateway.platform.crypto.SigningKeys;
import org.tipline.gateway.platform.json.RequestReader;

/**
 * The gateway's per-report hot paths, each with the production code: strict parsing and validation of a report,
 * RFC 8785 canonical JSON and its SHA-256 (content digests, audit leaves), Ed25519 signing (receipts, envelopes),
 * AES-GCM encryption of report content at rest, and a Merkle append of one audit leaf.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HotPaths {

    /** Report body size in bytes. */
    @Param({"2048", "20480"})
    public int size;

    private RequestReader reader;
    private SigningKeys keys;
    private ContentCipher cipher;
    private EcdhEsSealer sealer;
    private byte[] body;
    private String json;
    private byte[] associatedData;
    private long treeSize;
    private Map<MerkleTree.Node, byte[]> frontier;
    private byte[] leaf;

    @Setup(Level.Trial)
    public void setUp() {
        reader = Components.requestReader();
        keys = Components.signingKeys();
        cipher = Components.contentCipher();
        try {
            sealer = EcdhEsSealer.to(EcJwkGenerator.generateJwk(EllipticCurves.P256));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        body = new SyntheticReportBodies(size).body(size);
        json = new String(body, StandardCharsets.UTF_8);
        associatedData = "report 01a210aa-6a33-7c65-99c6-39425046c2b0".getBytes(StandardCharsets.UTF_8);
        leaf = MerkleTree.leafHash(body);
        treeSize = 1_000_000;
        frontier = new HashMap<>();
        for (MerkleTree.Node node : MerkleTree.frontier(treeSize)) {
            frontier.put(node, MerkleTree.leafHash(new byte[]{(byte) node.level()}));
        }
    }

    @Benchmark
    public Object parseAndValidate() {
        return reader.parse(body, ReportRequest.class);
    }

    @Benchmark
    public byte[] canonicalJsonAndSha256() {
        return CanonicalJson.sha256(CanonicalJson.canonicalize(json));
    }

    @Benchmark
    public byte[] ed25519Sign() {
        return keys.signRaw(body);
    }

    @Benchmark
    public String ed25519Jws() {
        return keys.sign(body, org.tipline.core.envelope.Typ.RECEIPT);
    }

    @Benchmark
    public byte[] aesGcmEncrypt() {
        return cipher.encrypt(body, associatedData);
    }

    /** A report sealed to one destination's P-256 key (JWE, ECDH-ES, A256GCM): the relay's work per destination. */
    @Benchmark
    public String ecdhEsSeal() {
        return sealer.seal(body, Map.of());
    }

    /** One leaf onto a tree of a million: the new nodes it closes (the frontier is copied, not grown). */
    @Benchmark
    public Map<MerkleTree.Node, byte[]> merkleAppend() {
        List<byte[]> leaves = new ArrayList<>(1);
        leaves.add(leaf);
        return MerkleTree.append(treeSize, leaves, new HashMap<>(frontier));
    }
}
