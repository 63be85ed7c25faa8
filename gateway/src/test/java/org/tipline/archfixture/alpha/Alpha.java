package org.tipline.archfixture.alpha;

import org.tipline.archfixture.beta.Beta;

/** Fixture for ArchitectureTest: imports Beta, which imports it back (a cycle). */
public class Alpha {

    public Beta partner() {
        return new Beta();
    }
}
