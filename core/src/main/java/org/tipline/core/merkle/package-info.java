/** RFC 9162 Merkle tree mathematics and proof verification, over raw hashes, with no storage of its own. */
package org.tipline.core.merkle;
