/** The log mechanics apart from the events' meaning: gapless sequencing, the stored Merkle tree, signed heads, proofs. */
package org.tipline.gateway.audit.log;
