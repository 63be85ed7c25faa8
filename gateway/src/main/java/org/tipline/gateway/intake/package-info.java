/** The report API for platforms (/v1/reports): thin resources, the request and response models and their mapping. */
package org.tipline.gateway.intake;
