package dev.platformmaturity;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages form a module graph without cycles, each using only the others'
 * published types.
 */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(PlatformMaturityApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublishedTypes() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
