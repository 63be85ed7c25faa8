/** The audit feature: the trail's inbox, the auditor API (events, export, tree heads, proofs) and the SIEM feed. */
package org.tipline.gateway.audit;
