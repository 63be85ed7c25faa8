/** Key material and what it does: Ed25519 signing, AES-GCM content encryption, streaming evidence encryption. */
package org.tipline.gateway.platform.crypto;
