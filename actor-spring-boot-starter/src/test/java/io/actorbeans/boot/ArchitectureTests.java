package io.actorbeans.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter and the test support ({@code actor-test}, on this module's test classpath)
 * use the actor runtime through its public API only, and no packages of theirs or the
 * runtime's depend on each other in a cycle. The sample and the benchmarks have tests of
 * their own for the same rules.
 */
class ArchitectureTests {

	/** The runtime, the test support and the starter, imported once for all the tests. */
	private static final JavaClasses ALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.actorbeans");

	private final JavaClasses starter = ALL.that(resideInAPackage("io.actorbeans.boot.."));

	private final JavaClasses testSupport = ALL.that(resideInAPackage("io.actorbeans.test.."));

	@Test
	void starterDoesNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.actorbeans.internal..")
			.because("the starter, the sample and the benchmarks use only the public API (io.actorbeans)")
			.check(this.starter);
	}

	@Test
	void testSupportDoesNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.actorbeans.internal..")
			.because("TestProbe is an actor like any other, spawned through the public API")
			.check(this.testSupport);
	}

	@Test
	void coreAutoConfigurationDoesNotNeedActuator() {
		noClasses().that()
			.resideInAnyPackage("io.actorbeans.boot", "io.actorbeans.boot.autoconfigure")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot.actuate..", "org.springframework.boot.health..",
					"io.micrometer..")
			.because("the starter works without actuator and Micrometer on the classpath")
			.check(this.starter);
	}

	@Test
	void packagesAreFreeOfCycles() {
		// Every package below io.actorbeans is a slice: the runtime's internals, the test
		// support, the starter's packages. The API package itself is not one: its
		// factories (ActorSystem.create) start the runtime that implements it.
		slices().matching("io.actorbeans.(**)").should().beFreeOfCycles().check(ALL);
	}

}
