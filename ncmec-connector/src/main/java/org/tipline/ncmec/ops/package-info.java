/** The connector's operations endpoints: liveness, readiness from named checks, Prometheus metrics. */
package org.tipline.ncmec.ops;
