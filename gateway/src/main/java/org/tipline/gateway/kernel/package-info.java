/** The report kernel every feature shares and that depends on nothing: ids, states, priorities, codes, facts, documents. */
package org.tipline.gateway.kernel;
