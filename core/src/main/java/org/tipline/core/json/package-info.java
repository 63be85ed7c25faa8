/** RFC 8785 canonical JSON and SHA-256: the bytes every digest and signature of the gateway covers. */
package org.tipline.core.json;
