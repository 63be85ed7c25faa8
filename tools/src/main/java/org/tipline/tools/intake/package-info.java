/** The reference intake consumer: what a receiver must do with its topics, signatures and acknowledgements. */
package org.tipline.tools.intake;
