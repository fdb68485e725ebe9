package io.actorbeans.boot.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The test slice uses the actor runtime through its public API only.
 */
class ArchitectureTests {

	private final JavaClasses slice = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.actorbeans.boot.test");

	@Test
	void theSliceDoesNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.actorbeans.internal..")
			.because("the test support uses only the public API (io.actorbeans)")
			.check(this.slice);
	}

}
