package io.actorbeans.benchmarks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The benchmarks measure actorbeans through its public API, as an application uses it:
 * none of their classes, the raw JCTools baseline ({@link RawContender}) and the cluster
 * benchmark included, touches the internals of the runtime or of actor-cluster; and no
 * packages of theirs or the runtime's depend on each other in a cycle.
 */
class ArchitectureTests {

	/** The runtime, and the benchmarks, imported once for all the tests. */
	private static final JavaClasses ALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.actorbeans");

	@Test
	void benchmarksDoNotUseTheRuntimesInternals() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.actorbeans.internal..", "io.actorbeans.cluster.internal..")
			.because("the benchmarks measure what an application gets from the public API (io.actorbeans, "
					+ "the starter's Entities and Bridge)")
			.check(ALL.that(resideInAPackage("io.actorbeans.benchmarks..")));
	}

	@Test
	void packagesAreFreeOfCycles() {
		// Every package below io.actorbeans is a slice: the runtime's internals, the
		// benchmarks and the code JMH generated for them. The API package itself is not
		// one: its factories (ActorSystem.create) start the runtime that implements it.
		slices().matching("io.actorbeans.(**)").should().beFreeOfCycles().check(ALL);
	}

}
