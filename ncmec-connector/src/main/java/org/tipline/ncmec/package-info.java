/** The NCMEC connector: a receiver-side service that files the ncmec intake topics with the CyberTipline Reporting API. */
package org.tipline.ncmec;
