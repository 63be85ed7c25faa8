/** NCMEC's CyberTipline Reporting API as the connector calls it: requests, answers, and what each code means. */
package org.tipline.ncmec.api;
