/** The auditor's offline verifier: an export, signed tree heads and the public keys in, a verdict naming any tampered event out. */
package org.tipline.tools.audit;
