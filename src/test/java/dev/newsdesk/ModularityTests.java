package dev.newsdesk;

import static org.assertj.core.api.Assertions.assertThat;

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
    void findsTheModulesOfTheDesign() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("site", "stats", "article", "account", "mail", "ingest", "demo", "chore");
    }
}
