/** Signed tree heads as C2SP signed-note checkpoints: their exact signed bytes and key identifiers. */
package org.tipline.core.note;
