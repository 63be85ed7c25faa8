package org.tipline.gateway.intake.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link IpAddress}: dotted-quad IPv4 without leading zeros, or an IPv6 literal (which may end in an IPv4
 * quad, as IPv4-mapped addresses do). Never resolves a name: only literals reach {@link InetAddress}.
 */
public class IpAddressValidator implements ConstraintValidator<IpAddress, String> {

    private static final Pattern IPV4 = Pattern
            .compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARACTERS.matcher(value).matches()) {
            return false;
        }
        int lastColon = value.lastIndexOf(':');
        String tail = value.substring(lastColon + 1);
        if (tail.contains(".") && !IPV4.matcher(tail).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(value); // a literal: parsed, never looked up
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
