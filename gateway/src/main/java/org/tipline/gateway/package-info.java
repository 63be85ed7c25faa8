/** The gateway application; this package holds only its entry point, which starts the local stack when asked. */
package org.tipline.gateway;
