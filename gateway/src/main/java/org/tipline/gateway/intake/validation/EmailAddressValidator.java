package org.tipline.gateway.intake.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link EmailAddress}: an RFC 5322 dot-atom local part (at most 64 characters) and a DNS domain of
 * labels with a top-level label of letters, or an IDN in punycode; at most 255 characters in all.
 */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

    private static final Pattern LOCAL = Pattern
            .compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern
            .compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int at = value.lastIndexOf('@');
        if (value.length() > 255 || at < 1 || at > 64 || at == value.length() - 1) {
            return false;
        }
        return LOCAL.matcher(value.substring(0, at)).matches() && DOMAIN.matcher(value.substring(at + 1)).matches();
    }
}
