package org.tipline.core.envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A receiver's (a destination's) key pairs: an EC P-256 key the gateway seals envelopes to ({@code use: enc}) and an
 * Ed25519 key the receiver signs its Kafka acknowledgements with ({@code use: sig}). The receiver keeps the private
 * JWKS; the gateway is given the public one. Key ids are RFC 7638 thumbprints.
 */
public final class ReceiverKeys {

    /** The public JWKS of destination {@code id} in a keys folder, as the gateway reads it. */
    public static Path publicFile(Path directory, String destination) {
        return directory.resolve(destination + ".jwks.json");
    }

    /** The private JWKS of destination {@code id} in a keys folder, as the receiver reads it. */
    public static Path privateFile(Path directory, String destination) {
        return directory.resolve(destination + ".private.jwks.json");
    }

    private ReceiverKeys() {
    }

    /** Generates both key pairs of a destination and writes its private and public JWKS (the private one 0600). */
    public static void generate(Path directory, String destination) throws IOException {
        try {
            EllipticCurveJsonWebKey sealing = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            sealing.setUse("enc");
            sealing.setAlgorithm("ECDH-ES");
            sealing.setKeyId(sealing.calculateBase64urlEncodedThumbprint("SHA-256"));
            OctetKeyPairJsonWebKey signing = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
            signing.setUse("sig");
            signing.setAlgorithm("EdDSA");
            signing.setKeyId(signing.calculateBase64urlEncodedThumbprint("SHA-256"));
            Files.createDirectories(directory);
            write(privateFile(directory, destination), jwks(List.of(sealing, signing),
                    JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), true);
            write(publicFile(directory, destination), jwks(List.of(sealing, signing),
                    JsonWebKey.OutputControlLevel.PUBLIC_ONLY), false);
        } catch (JoseException e) {
            throw new IOException("Keys for destination " + destination + " could not be generated", e);
        }
    }

    /** The key set in {@code file}. */
    public static JsonWebKeySet read(Path file) throws IOException {
        try {
            return new JsonWebKeySet(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JoseException e) {
            throw new IOException(file + " is not a JWKS", e);
        }
    }

    /** The key of {@code use} ({@code enc} or {@code sig}) in {@code keys}, which must be private for receivers. */
    public static PublicJsonWebKey key(JsonWebKeySet keys, String use) throws IOException {
        return keys.getJsonWebKeys().stream().filter(PublicJsonWebKey.class::isInstance)
                .map(PublicJsonWebKey.class::cast).filter(k -> use.equals(k.getUse())).findFirst()
                .orElseThrow(() -> new IOException("The key set has no key for use " + use));
    }

    private static String jwks(List<PublicJsonWebKey> keys, JsonWebKey.OutputControlLevel level) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.size(); i++) {
            json.append(i == 0 ? "" : ",").append(keys.get(i).toJson(level));
        }
        return json.append("]}").toString();
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
