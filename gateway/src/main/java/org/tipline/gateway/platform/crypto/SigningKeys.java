package org.tipline.gateway.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jboss.logging.Logger;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
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

    /** Signatures are made by Bouncy Castle's Ed25519, much faster than the JDK 17 one; the keys stay JWKs. */
    private static final Provider PROVIDER = bouncyCastle();
    private static final ProviderContext SIGN_WITH_PROVIDER = new ProviderContext();

    static {
        SIGN_WITH_PROVIDER.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER.getName());
    }

    private final OctetKeyPairJsonWebKey signingKey;
    private final PrivateKey privateKey;
    private final JsonWebKeySet publicKeys;

    public SigningKeys(KeysConfig config) {
        this.signingKey = load(config);
        this.privateKey = providerKey(signingKey);
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
        try {
            java.security.Signature signature = java.security.Signature.getInstance("Ed25519", PROVIDER);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyMaterialException("Ed25519 signing failed", e);
        }
    }

    /** The JWKS that verifies everything the gateway signs: the current key and retired ones. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (JsonWebKey key : publicKeys.getJsonWebKeys()) {
            keys.add(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return Map.of("keys", keys);
    }

    private String jws(byte[] payload, String typ, boolean detached) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setHeader("typ", typ);
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setKey(privateKey);
        jws.setProviderContext(SIGN_WITH_PROVIDER);
        jws.setPayloadBytes(payload);
        try {
            return detached ? jws.getDetachedContentCompactSerialization() : jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new KeyMaterialException("EdDSA signing failed", e);
        }
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

    private static Provider bouncyCastle() {
        Provider registered = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (registered != null) {
            return registered;
        }
        Security.addProvider(new BouncyCastleProvider()); // last in line: the JDK's own stay the defaults
        return Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    }

    /** The JWK's private key as the signing provider's own key object. */
    private static PrivateKey providerKey(OctetKeyPairJsonWebKey key) {
        try {
            return KeyFactory.getInstance("Ed25519", PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getPrivateKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("The Ed25519 signing key cannot be used", e);
        }
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
