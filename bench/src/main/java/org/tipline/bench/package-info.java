/** The benchmark harness: the packaged gateway on a fresh local stack, measured against what its broker and database can do alone. */
package org.tipline.bench;
