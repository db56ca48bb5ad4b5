package cn.medrecruit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MedRecruitApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicFace() {
		modules.verify();
	}

	@Test
	void writesModuleDiagrams() {
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).exists();
		assertThat(Path.of("target", "spring-modulith-docs", "module-profile.puml")).exists();
	}
}
