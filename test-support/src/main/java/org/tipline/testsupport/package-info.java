/** Independent reference implementations, written from the specifications, that tests check the real code against. */
package org.tipline.testsupport;
