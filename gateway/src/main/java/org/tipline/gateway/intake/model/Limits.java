package org.tipline.gateway.intake.model;

/** Size limits of the report model that NCMEC's schema leaves open; the field limits it sets are on the fields. */
public final class Limits {

    /** Free-text fields (additional information, content, bios, terms of service). */
    public static final int TEXT = 100_000;
    /** Most items in any list. */
    public static final int ITEMS = 100;
    /** Most URLs or hashes in one list. */
    public static final int MANY_ITEMS = 1_000;

    private Limits() {
    }
}
