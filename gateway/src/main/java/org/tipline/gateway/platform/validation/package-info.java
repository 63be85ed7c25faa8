/** Generic constraints any request model may use, such as a timestamp not in the future. */
package org.tipline.gateway.platform.validation;
