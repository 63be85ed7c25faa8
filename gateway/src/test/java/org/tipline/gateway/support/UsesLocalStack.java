package org.tipline.gateway.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link LocalStackTestResource} for every {@code @QuarkusTest} of the run. */
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL)
public final class UsesLocalStack {

    private UsesLocalStack() {
    }
}
