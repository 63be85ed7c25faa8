/** Custom constraints of the report model and its cross-field rules, each naming the offending field by JSON pointer. */
package org.tipline.gateway.intake.validation;
