package io.actorbeans.boot.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} for {@link ActorTest @ActorTest}: adds its
 * {@code properties}. Called by the Spring TestContext Framework.
 */
class ActorTestContextBootstrapper extends TestSliceTestContextBootstrapper<ActorTest> {

}
