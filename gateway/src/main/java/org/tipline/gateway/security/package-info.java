/** Credentials and callers: API keys, roles, the admin API, the public keys endpoint and the local demo keys. */
package org.tipline.gateway.security;
