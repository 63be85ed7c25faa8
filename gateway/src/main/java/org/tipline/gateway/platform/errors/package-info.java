/** The values of errors: problem types, violations and their codes, and the exceptions features throw for them. */
package org.tipline.gateway.platform.errors;
