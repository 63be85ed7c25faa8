package org.tipline.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.tipline.gateway.platform.crypto.ContentCipher;
import org.tipline.gateway.platform.crypto.KeysConfig;
import org.tipline.gateway.platform.crypto.SigningKeys;
import org.tipline.gateway.platform.json.JsonConfig;
import org.tipline.gateway.platform.json.RequestReader;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The gateway's own components, built outside CDI with their default configuration and freshly generated keys. */
final class Components {

    private static final SmallRyeConfig CONFIG = config();

    private Components() {
    }

    static RequestReader requestReader() {
        Validator validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        return new RequestReader(validator, CONFIG.getConfigMapping(JsonConfig.class));
    }

    static SigningKeys signingKeys() {
        return new SigningKeys(CONFIG.getConfigMapping(KeysConfig.class));
    }

    static ContentCipher contentCipher() {
        return new ContentCipher(CONFIG.getConfigMapping(KeysConfig.class));
    }

    private static SmallRyeConfig config() {
        try {
            Path keys = Files.createTempDirectory("tipline-jmh-keys-");
            return new SmallRyeConfigBuilder().withMapping(KeysConfig.class).withMapping(JsonConfig.class)
                    .withDefaultValue("tipline.keys.generate-missing", "true")
                    .withDefaultValue("tipline.keys.directory", keys.toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
