/** The gateway's report model rendered as CyberTipline XML in the schema's order, and the schema check. */
package org.tipline.ncmec.xml;
