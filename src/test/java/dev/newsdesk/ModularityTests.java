package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(NewsdeskApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void refusesAnArrowAModuleDoesNotDeclare() {
        ApplicationModules arrows = ApplicationModules.of(fixture.arrows.Arrows.class, location -> true);

        assertThatThrownBy(arrows::verify).hasMessageContaining("press").hasMessageContaining("desk");
    }

    @Test
    void findsTheModulesOfTheDesign() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("site", "stats", "article", "account", "mail", "ingest", "demo", "chore");
    }
}
