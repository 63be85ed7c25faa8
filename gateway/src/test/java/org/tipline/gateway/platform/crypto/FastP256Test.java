package org.tipline.gateway.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelopes sealed through {@link FastP256} are standard JWE that other libraries and providers open. */
class FastP256Test {

    private static final byte[] PLAINTEXT = "{\"report\":\"synthetic, for the test only\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedWithBouncyCastleOpensWithTheJdkProviderAndWithNimbus() throws Exception {
        // Given: a receiver's key pair from the JDK's own provider
        KeyPair receiver = p256(KeyPairGenerator.getInstance("EC", "SunEC"));
        // When
        String sealed = seal(receiver);
        // Then
        JsonWebEncryption jose4j = new JsonWebEncryption();
        jose4j.setCompactSerialization(sealed);
        jose4j.setKey(receiver.getPrivate());
        assertThat(jose4j.getPlaintextBytes()).isEqualTo(PLAINTEXT);
        JWEObject nimbus = JWEObject.parse(sealed);
        nimbus.decrypt(new ECDHDecrypter((ECPrivateKey) receiver.getPrivate()));
        assertThat(nimbus.getPayload().toBytes()).isEqualTo(PLAINTEXT);
        assertThat(nimbus.getHeader().getEphemeralPublicKey().toECKey().getCurve().getName()).isEqualTo("P-256");
    }

    @Test
    void everyEnvelopeHasItsOwnEphemeralKey() throws Exception {
        // Given
        KeyPair receiver = p256(KeyPairGenerator.getInstance("EC", "SunEC"));
        // When
        String first = seal(receiver);
        String second = seal(receiver);
        // Then
        assertThat(JWEObject.parse(first).getHeader().getEphemeralPublicKey())
                .isNotEqualTo(JWEObject.parse(second).getHeader().getEphemeralPublicKey());
    }

    @Test
    void theGeneratorRefusesEveryCurveButP256() throws Exception {
        // Given
        FastP256.ecdhEs();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", FastP256.PROVIDER_NAME);
        // When / Then
        assertThatThrownBy(() -> generator.initialize(EllipticCurves.P384))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        assertThatThrownBy(() -> generator.initialize(new ECGenParameterSpec("secp384r1")))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        generator.initialize(EllipticCurves.P256);
        assertThat(((java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic()).getParams()
                .getOrder()).isEqualTo(EllipticCurves.P256.getOrder());
        assertThat(Security.getProviders()[Security.getProviders().length - 1].getName())
                .as("registered last, never a default").isIn(FastP256.PROVIDER_NAME, "BC");
    }

    private static String seal(KeyPair receiver) throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setPlaintext(PLAINTEXT);
        jwe.setKey(receiver.getPublic());
        jwe.setProviderContext(FastP256.ecdhEs());
        return jwe.getCompactSerialization();
    }

    private static KeyPair p256(KeyPairGenerator generator) throws Exception {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
