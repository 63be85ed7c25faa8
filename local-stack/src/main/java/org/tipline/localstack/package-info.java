/** The local stack: a real PostgreSQL and a real KRaft Kafka broker from Maven artifacts, never in production. */
package org.tipline.localstack;
