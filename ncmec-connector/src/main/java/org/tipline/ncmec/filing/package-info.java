/** Filing: the inbox of verified envelopes, the durable progress store and the state machine that files each once. */
package org.tipline.ncmec.filing;
