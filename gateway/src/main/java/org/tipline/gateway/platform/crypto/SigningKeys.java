package org.tipline.gateway.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.Startup;

/**
 * The gateway's Ed25519 signing key: signs receipts and Kafka envelopes as JWS (EdDSA) of distinct types
 * ({@code tipline-receipt+jws}, {@code tipline-envelope+jws}) and audit tree heads as C2SP signed notes, and publishes
 * the public keys as a JWKS. The key id is the RFC 7638 thumbprint. Fails at start-up with
 * {@link KeyMaterialException} when no usable key is configured.
 * Created at start-up, so missing or bad keys stop the gateway before it serves anything.
 */
@Startup
@Singleton
public class SigningKeys {

    static final String GENERATED_FILE = "signing-ed25519.jwk.json";
    private static final Logger LOGGER = Logger.getLogger(SigningKeys.class);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OctetKeyPairJsonWebKey signingKey;
    private final Ed25519PrivateKeyParameters signer;
    private final Map<String, String> encodedHeaders = new ConcurrentHashMap<>();
    private final JsonWebKeySet publicKeys;

    public SigningKeys(KeysConfig config) {
        this.signingKey = load(config);
        // Signatures are made by Bouncy Castle's Ed25519, ten times faster than the JDK 17 one; the keys stay JWKs.
        this.signer = new Ed25519PrivateKeyParameters(Base64.getUrlDecoder().decode(
                (String) signingKey.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).get("d")), 0);
        List<JsonWebKey> published = new ArrayList<>();
        published.add(publicJwk(signingKey));
        config.retiredSigningKeyFiles().orElse(List.of()).forEach(file -> published.add(publicJwk(read(file))));
        this.publicKeys = new JsonWebKeySet(published);
    }

    /** The id of the current signing key. */
    public String keyId() {
        return signingKey.getKeyId();
    }

    public PublicKey publicKey() {
        return signingKey.getPublicKey();
    }

    /** The raw 32-byte Ed25519 public key (the end of its X.509 encoding). */
    public byte[] publicKeyBytes() {
        byte[] encoded = signingKey.getPublicKey().getEncoded();
        return java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /**
     * A compact JWS (EdDSA) of type {@code typ} over {@code payload}. The type separates the purposes (receipt,
     * envelope) one key signs for: a signature of one type never verifies as another.
     */
    public String sign(byte[] payload, String typ) {
        return jws(payload, typ, false);
    }

    /** A compact JWS with detached payload ({@code header..signature}, RFC 7515 appendix F) of type {@code typ}. */
    public String signDetached(byte[] payload, String typ) {
        return jws(payload, typ, true);
    }

    /** The raw Ed25519 signature (64 bytes) over {@code message}, for C2SP signed notes. */
    public byte[] signRaw(byte[] message) {
        Ed25519Signer ed25519 = new Ed25519Signer();
        ed25519.init(true, signer);
        ed25519.update(message, 0, message.length);
        return ed25519.generateSignature();
    }

    /** The JWKS that verifies everything the gateway signs: the current key and retired ones. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (JsonWebKey key : publicKeys.getJsonWebKeys()) {
            keys.add(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return Map.of("keys", keys);
    }

    /**
     * A JWS in compact serialization (RFC 7515 section 7.1; detached: appendix F) with the protected header
     * {@code {"alg":"EdDSA","kid":…,"typ":…}}, signed by Bouncy Castle's Ed25519: what jose4j makes, at about two
     * thirds of its cost for a 4 KB envelope (no JOSE object, the JDK's Base64). Any JOSE library verifies it.
     */
    private String jws(byte[] payload, String typ, boolean detached) {
        String header = encodedHeaders.computeIfAbsent(typ, this::encodedHeader);
        String encodedPayload = BASE64URL.encodeToString(payload);
        byte[] signingInput = (header + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
        String signature = BASE64URL.encodeToString(signRaw(signingInput));
        return detached ? header + ".." + signature : header + "." + encodedPayload + "." + signature;
    }

    private String encodedHeader(String typ) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", AlgorithmIdentifiers.EDDSA);
        header.put("kid", signingKey.getKeyId());
        header.put("typ", typ);
        return BASE64URL.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
    }

    private static OctetKeyPairJsonWebKey load(KeysConfig config) {
        if (config.signingKeyFile().isPresent()) {
            return read(config.signingKeyFile().get());
        }
        Path generated = KeyFiles.requireGenerationDirectory(config, "tipline.keys.signing-key-file")
                .resolve(GENERATED_FILE);
        if (!Files.exists(generated)) {
            KeyFiles.writePrivate(generated, generate().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            LOGGER.infof("Generated an Ed25519 signing key in %s", generated);
        }
        return read(generated);
    }

    static OctetKeyPairJsonWebKey generate() {
        try {
            return OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
        } catch (JoseException e) {
            throw new KeyMaterialException("Could not generate an Ed25519 key", e);
        }
    }

    private static OctetKeyPairJsonWebKey read(Path file) {
        try {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof OctetKeyPairJsonWebKey okp)
                    || !OctetKeyPairJsonWebKey.SUBTYPE_ED25519.equals(okp.getSubtype())
                    || okp.getPrivateKey() == null) {
                throw new KeyMaterialException("Signing key file " + file + " is not an Ed25519 private JWK");
            }
            okp.setKeyId(okp.calculateBase64urlEncodedThumbprint("SHA-256"));
            okp.setAlgorithm(AlgorithmIdentifiers.EDDSA);
            okp.setUse("sig");
            return okp;
        } catch (IOException | JoseException e) {
            throw new KeyMaterialException("Could not read signing key file " + file, e);
        }
    }

    private static JsonWebKey publicJwk(OctetKeyPairJsonWebKey key) {
        try {
            JsonWebKey copy = JsonWebKey.Factory.newJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            copy.setKeyId(key.getKeyId());
            copy.setAlgorithm(AlgorithmIdentifiers.EDDSA);
            copy.setUse("sig");
            return copy;
        } catch (JoseException e) {
            throw new KeyMaterialException("Could not publish signing key " + key.getKeyId(), e);
        }
    }
}
