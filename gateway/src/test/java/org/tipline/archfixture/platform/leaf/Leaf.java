package org.tipline.archfixture.platform.leaf;

import org.tipline.archfixture.alpha.Alpha;

/** Fixture for ArchitectureTest: a platform leaf that depends on a feature (upwards). */
public class Leaf {

    public Alpha feature() {
        return new Alpha();
    }
}
