/** The report lifecycle: open, finish, retract, expire, supplements and escalations, receipts, and the ledger's report rows. */
package org.tipline.gateway.report;
