/** JMH micro-benchmarks of the gateway's hot paths: parsing and validation, canonical JSON, signatures, encryption, Merkle append. */
package org.tipline.bench.jmh;
