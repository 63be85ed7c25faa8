/** PostgreSQL transactions on the pool, single-writer advisory locks, and the translation of SQL failures. */
package org.tipline.gateway.platform.db;
