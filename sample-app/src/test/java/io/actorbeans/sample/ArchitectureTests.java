package io.actorbeans.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The sample service uses the actor runtime through its public API and the starter only,
 * and no packages of its own, the starter's or the runtime's depend on each other in a
 * cycle.
 */
class ArchitectureTests {

	/** The runtime, the starter and the sample, imported once for all the tests. */
	private static final JavaClasses ALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.actorbeans");

	@Test
	void sampleDoesNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.actorbeans.internal..")
			.because("the sample shows what an application does: it uses only the public API (io.actorbeans)")
			.check(ALL.that(resideInAPackage("io.actorbeans.sample..")));
	}

	@Test
	void packagesAreFreeOfCycles() {
		// Every package below io.actorbeans is a slice: the runtime's internals, the
		// starter's packages, the sample's. The API package itself is not one: its
		// factories (ActorSystem.create) start the runtime that implements it.
		slices().matching("io.actorbeans.(**)").should().beFreeOfCycles().check(ALL);
	}

}
