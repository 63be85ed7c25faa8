/** The HTTP adapter above every feature: the one exception-to-problem table, problem documents, request ids, OpenAPI. */
package org.tipline.gateway.http;
