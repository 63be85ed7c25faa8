/** Strict parsing of path and query parameters, shared by every resource. */
package org.tipline.gateway.platform.web;
