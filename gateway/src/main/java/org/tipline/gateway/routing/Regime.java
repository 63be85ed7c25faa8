package org.tipline.gateway.routing;

/** The legal or organisational regime a destination receives reports under. */
public enum Regime {
    /** NCMEC CyberTipline (United States, 18 U.S.C. 2258A). */
    US_NCMEC,
    /** National Crime Agency (United Kingdom, Online Safety Act 2023 s.66). */
    UK_NCA,
    /** Canadian Centre for Child Protection (Canada's mandatory reporting act). */
    CA_C3P,
    /** A hotline of the INHOPE network, such as the IWF. */
    HOTLINE,
    /** A law-enforcement agency receiving directly. */
    LAW_ENFORCEMENT
}
