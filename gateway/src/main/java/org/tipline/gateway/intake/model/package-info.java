/** The HTTP request records of the report model, with their field constraints. */
package org.tipline.gateway.intake.model;
