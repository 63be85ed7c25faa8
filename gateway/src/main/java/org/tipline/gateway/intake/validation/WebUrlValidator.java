package org.tipline.gateway.intake.validation;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link WebUrl}: an absolute URI with a scheme and an authority or path, at most 2083 characters. */
public class WebUrlValidator implements ConstraintValidator<WebUrl, String> {

    static final int MAX_LENGTH = 2083;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*")
                    && (uri.getRawAuthority() != null || uri.getRawSchemeSpecificPart().length() > 0);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
