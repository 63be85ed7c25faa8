/** Evidence files: streamed uploads through hashing and encryption, the encrypted store, and receivers' downloads. */
package org.tipline.gateway.evidence;
