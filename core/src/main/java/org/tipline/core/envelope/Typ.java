package org.tipline.core.envelope;

/**
 * The JOSE {@code typ} of everything signed or sealed in the gateway's protocol. Each verifier accepts only its own
 * type, so a signature made for one purpose (a receipt) can never be replayed as another (an envelope).
 */
public final class Typ {

    /** A platform's receipt (compact JWS by the gateway). */
    public static final String RECEIPT = "tipline-receipt+jws";
    /** A Kafka envelope's signature (detached JWS by the gateway). */
    public static final String ENVELOPE = "tipline-envelope+jws";
    /** An envelope's sealed content (JWE to the destination's key). */
    public static final String SEALED = "tipline-sealed+jwe";
    /** A receiver's acknowledgement on Kafka (compact JWS by the destination's key). */
    public static final String ACK = "tipline-ack+jws";

    private Typ() {
    }
}
