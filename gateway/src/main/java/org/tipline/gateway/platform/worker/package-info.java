/** The one background-worker abstraction: loops with wake-up, back-off and health that turns readiness DOWN. */
package org.tipline.gateway.platform.worker;
