package org.tipline.gateway.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link EcdhEsSealer} makes standard JWE (ECDH-ES, A256GCM) that jose4j on the JDK's provider and Nimbus, an
 * independent library, both open; every message has its own ephemeral key; a changed byte does not open; keys that are
 * not P-256 points are refused.
 */
class EcdhEsSealerTest {

    private static final byte[] PLAINTEXT = "{\"report\":\"synthetic, for the test only\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedContentOpensWithJose4jAndWithNimbus() throws Exception {
        // Given
        KeyPair receiver = p256("SunEC");
        EcdhEsSealer sealer = EcdhEsSealer.to(jwk(receiver, "receiver-1"));
        // When
        String sealed = sealer.seal(PLAINTEXT, Map.of("typ", "tipline-sealed+jwe", "cty", "application/json"));
        // Then
        assertThat(jose4jOpen(sealed, receiver)).isEqualTo(PLAINTEXT);
        JWEObject nimbus = JWEObject.parse(sealed);
        nimbus.decrypt(new ECDHDecrypter((ECPrivateKey) receiver.getPrivate()));
        assertThat(nimbus.getPayload().toBytes()).isEqualTo(PLAINTEXT);
        assertThat(nimbus.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES);
        assertThat(nimbus.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(nimbus.getHeader().getKeyID()).isEqualTo("receiver-1");
        assertThat(nimbus.getHeader().getType().toString()).isEqualTo("tipline-sealed+jwe");
        assertThat(nimbus.getHeader().getContentType()).isEqualTo("application/json");
        assertThat(nimbus.getHeader().getEphemeralPublicKey().toECKey().getCurve().getName()).isEqualTo("P-256");
    }

    @Test
    void everyMessageHasItsOwnEphemeralKeyAndIv() throws Exception {
        // Given
        EcdhEsSealer sealer = EcdhEsSealer.to(jwk(p256("SunEC"), "k"));
        // When
        JWEObject first = JWEObject.parse(sealer.seal(PLAINTEXT, Map.of()));
        JWEObject second = JWEObject.parse(sealer.seal(PLAINTEXT, Map.of()));
        // Then
        assertThat(first.getHeader().getEphemeralPublicKey()).isNotEqualTo(second.getHeader().getEphemeralPublicKey());
        assertThat(first.getIV()).isNotEqualTo(second.getIV());
    }

    @Test
    void extraHeadersCannotReplaceTheAlgorithmOrTheEphemeralKey() throws Exception {
        // Given
        KeyPair receiver = p256("SunEC");
        // When
        String sealed = EcdhEsSealer.to(jwk(receiver, "k")).seal(PLAINTEXT, Map.of("alg", "dir", "enc", "A128GCM",
                "epk", "forged"));
        // Then
        assertThat(jose4jOpen(sealed, receiver)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aChangedCiphertextOrHeaderDoesNotOpen() throws Exception {
        // Given
        KeyPair receiver = p256("SunEC");
        String sealed = EcdhEsSealer.to(jwk(receiver, "k")).seal(PLAINTEXT, Map.of());
        String[] parts = sealed.split("\\.");
        String changedCiphertext = parts[0] + ".." + parts[2] + "." + flip(parts[3]) + "." + parts[4];
        String changedHeader = flip(parts[0]) + ".." + parts[2] + "." + parts[3] + "." + parts[4];
        // When / Then
        assertThatThrownBy(() -> jose4jOpen(changedCiphertext, receiver)).isInstanceOf(JoseException.class);
        assertThatThrownBy(() -> jose4jOpen(changedHeader, receiver)).isInstanceOf(Exception.class);
    }

    @Test
    void onlyP256KeysSeal() throws Exception {
        // Given
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        // When / Then
        assertThatThrownBy(() -> EcdhEsSealer.to(jwk(p384.generateKeyPair(), "p384")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("P-256");
        assertThatThrownBy(() -> EcdhEsSealer.to(jwk(rsa.generateKeyPair(), "rsa")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("P-256");
    }

    private static byte[] jose4jOpen(String sealed, KeyPair receiver) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setCompactSerialization(sealed);
        jwe.setKey(receiver.getPrivate());
        return jwe.getPlaintextBytes();
    }

    /** One base64url character changed in the middle of a part. */
    private static String flip(String part) {
        int at = part.length() / 2;
        return part.substring(0, at) + (part.charAt(at) == 'A' ? 'B' : 'A') + part.substring(at + 1);
    }

    private static KeyPair p256(String provider) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static PublicJsonWebKey jwk(KeyPair pair, String keyId) throws JoseException {
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        key.setKeyId(keyId);
        return key;
    }
}
