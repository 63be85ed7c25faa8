/** Strict JSON reading: unknown fields, duplicates, wrong types, limits and bean violations as named problems. */
package org.tipline.gateway.platform.json;
