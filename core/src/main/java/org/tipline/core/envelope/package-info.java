/** Checking an envelope's detached EdDSA signature as a receiver would, knowing only the gateway's public keys. */
package org.tipline.core.envelope;
