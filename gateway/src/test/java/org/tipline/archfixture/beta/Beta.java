package org.tipline.archfixture.beta;

import org.tipline.archfixture.alpha.Alpha;

/** Fixture for ArchitectureTest: imports Alpha, which imports it back (a cycle). */
public class Beta {

    public Alpha partner() {
        return new Alpha();
    }
}
