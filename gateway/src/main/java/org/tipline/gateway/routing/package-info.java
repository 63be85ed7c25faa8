/** Routing: destinations, ordered rules and profiles from configuration, deciding who must receive a report. */
package org.tipline.gateway.routing;
