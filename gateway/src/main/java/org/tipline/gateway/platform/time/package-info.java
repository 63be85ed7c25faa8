/** The one clock, in UTC and microseconds like the ledger. */
package org.tipline.gateway.platform.time;
