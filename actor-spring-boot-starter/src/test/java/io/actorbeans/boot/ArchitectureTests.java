package io.actorbeans.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The starter uses the actor runtime through its public API only.
 */
class ArchitectureTests {

	private final JavaClasses starter = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.actorbeans.boot");

	@Test
	void starterDoesNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.actorbeans.internal..")
			.because("the starter, the sample and the benchmarks use only the public API (io.actorbeans)")
			.check(this.starter);
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

}
