package dev.nnfs.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: packages by job whose imports run one way, the math free of
 * Spring, the Open Inference Protocol ({@code oip}) on top of the tensors and problems,
 * and the HTTP edge's wiring ({@code web}) used by nothing else.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.nnfs.service");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.nnfs.service.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theMathCarriesNoSpring() {
		noClasses().that()
			.resideInAnyPackage("dev.nnfs.service.numpy..", "dev.nnfs.service.plot..", "dev.nnfs.service.tensor..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.servlet..")
			.check(MAIN);
	}

	@Test
	void theNumpyReproductionStandsAlone() {
		classes().that()
			.resideInAPackage("dev.nnfs.service.numpy..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.nnfs.service.numpy..", "java..")
			.check(MAIN);
	}

	@Test
	void theInferenceProtocolBuildsOnTensorsAndProblemsOnly() {
		classes().that()
			.resideInAPackage("dev.nnfs.service.oip..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.nnfs.service.oip..", "dev.nnfs.service.tensor..", "dev.nnfs.service.problem..",
					"java..", "tools.jackson..", "com.fasterxml.jackson.annotation..", "org.springframework..",
					"jakarta.servlet..")
			.check(MAIN);
	}

	@Test
	void onlyTheApplicationUsesTheWebEdge() {
		noClasses().that()
			.resideOutsideOfPackages("dev.nnfs.service.web..")
			.and()
			.doNotHaveFullyQualifiedName(Application.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.nnfs.service.web..")
			.check(MAIN);
	}

}
