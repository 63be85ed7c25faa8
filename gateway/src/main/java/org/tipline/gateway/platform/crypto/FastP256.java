package org.tipline.gateway.platform.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

import org.jose4j.jca.ProviderContext;
import org.jose4j.keys.EllipticCurves;

/**
 * ECDH-ES on P-256 through Bouncy Castle's P-256 arithmetic, about six times faster than JDK 17's SunEC (a fresh
 * ephemeral key and one agreement per sealed envelope: 1.4 ms with SunEC, 0.2 ms here, measured on the bench
 * machine). jose4j asks for the ephemeral key pair with explicit curve parameters, which would send Bouncy Castle to
 * its slow generic curve; this provider's one service, {@code KeyPairGenerator.EC}, accepts only P-256 and generates
 * on Bouncy Castle's named curve. The agreement itself runs in the registered Bouncy Castle provider. The output is
 * standard JWE: any library opens it.
 */
public final class FastP256 {

    static final String PROVIDER_NAME = "TiplineP256";
    private static final ProviderContext ECDH_ES = register();

    private FastP256() {
    }

    /** The jose4j provider context that seals with ECDH-ES on P-256 quickly; other algorithms are unaffected. */
    public static ProviderContext ecdhEs() {
        return ECDH_ES;
    }

    private static synchronized ProviderContext register() {
        Provider bouncyCastle = SigningKeys.bouncyCastle();
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.addProvider(new GeneratorProvider(bouncyCastle)); // last in line: never a default
        }
        ProviderContext context = new ProviderContext();
        context.getGeneralProviderContext().setKeyPairGeneratorProvider(PROVIDER_NAME);
        context.getSuppliedKeyProviderContext().setKeyAgreementProvider(bouncyCastle.getName());
        return context;
    }

    /** The provider: {@code KeyPairGenerator.EC}, P-256 only. */
    private static final class GeneratorProvider extends Provider {

        private static final long serialVersionUID = 1L;

        GeneratorProvider(Provider bouncyCastle) {
            super(PROVIDER_NAME, "1.0", "P-256 key pairs on Bouncy Castle's named curve, for ECDH-ES");
            putService(new Service(this, "KeyPairGenerator", "EC", NamedP256Generator.class.getName(), null, null) {

                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    return new NamedP256Generator(bouncyCastle);
                }
            });
        }
    }

    /** Generates P-256 key pairs on Bouncy Castle's named curve; refuses any other curve. */
    static final class NamedP256Generator extends KeyPairGeneratorSpi {

        private final KeyPairGenerator generator;

        NamedP256Generator(Provider bouncyCastle) throws NoSuchAlgorithmException {
            this.generator = KeyPairGenerator.getInstance("EC", bouncyCastle);
            named(null);
        }

        @Override
        public void initialize(int keySize, SecureRandom random) {
            if (keySize != 256) {
                throw new InvalidParameterException("Only P-256 is supported, not a key size of " + keySize);
            }
            named(random);
        }

        @Override
        public void initialize(AlgorithmParameterSpec parameters, SecureRandom random)
                throws InvalidAlgorithmParameterException {
            boolean p256 = parameters instanceof ECParameterSpec spec && isP256(spec)
                    || parameters instanceof ECGenParameterSpec named && "secp256r1".equals(named.getName());
            if (!p256) {
                throw new InvalidAlgorithmParameterException("Only P-256 is supported");
            }
            named(random);
        }

        @Override
        public KeyPair generateKeyPair() {
            return generator.generateKeyPair();
        }

        private void named(SecureRandom random) {
            try {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } catch (InvalidAlgorithmParameterException e) {
                throw new IllegalStateException("Bouncy Castle knows secp256r1", e);
            }
        }

        private static boolean isP256(ECParameterSpec spec) {
            ECParameterSpec p256 = EllipticCurves.P256;
            return spec.getCurve().equals(p256.getCurve()) && spec.getGenerator().equals(p256.getGenerator())
                    && spec.getOrder().equals(p256.getOrder()) && spec.getCofactor() == p256.getCofactor();
        }
    }
}
