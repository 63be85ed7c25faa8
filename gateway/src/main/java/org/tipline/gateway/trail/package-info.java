/** The audit port features write to: events as the code that causes them records them, and the trail interface. */
package org.tipline.gateway.trail;
