package org.tipline.gateway.kernel;

import java.util.Locale;
import java.util.Set;

/** Country and US-state codes: ISO 3166-1 alpha-2 and the state codes of NCMEC's schema. */
public final class RegionCodes {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /** US states, DC and territories, as NCMEC's {@code state} type lists them. */
    private static final Set<String> US_STATES = Set.of("AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL",
            "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT",
            "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
            "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY");

    private RegionCodes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isUsState(String code) {
        return code != null && US_STATES.contains(code);
    }
}
