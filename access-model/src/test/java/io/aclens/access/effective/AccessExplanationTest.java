package io.aclens.access.effective;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.access.AccessMask;
import io.aclens.access.Level;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessExplanationTest {
    private static final String USER = "S-1-5-21-1-1-1-1200";
    private static final String ACCOUNTING = "S-1-5-21-1-1-1-1100";
    private static final String FINANCE = "S-1-5-21-1-1-1-1101";
    private static final Map<String, String> NAMES = Map.of(USER, "petrova", ACCOUNTING, "Accounting", FINANCE, "Finance-All");

    @Test
    void eachGrantingAceIsAPathWithItsGroupChainAndWhereItWasInheritedFrom() {
        Ace explicit = Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT);
        Ace inherited = Ace.allow(FINANCE, AccessMask.MODIFY, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERITED);
        Map<String, List<Ace>> dacls = Map.of(
                "\\\\fs1\\share", List.of(),
                "\\\\fs1\\share\\Finance", List.of(explicit),
                "\\\\fs1\\share\\Finance\\2026", List.of(inherited));
        List<Ace> payroll = List.of(inherited, Ace.allow(USER, AccessMask.READ_AND_EXECUTE));
        AccessToken token = AccessToken.of(USER, null, sid -> sid.equals(USER) ? List.of(ACCOUNTING)
                : sid.equals(ACCOUNTING) ? List.of(FINANCE) : List.of());

        EffectiveAccess access = NtAccessCheck.evaluate(null, payroll, token);

        assertThat(AccessExplanation.describe("\\\\fs1\\share\\Finance\\2026\\Payroll", access, NAMES::get, dacls::get)).containsExactly(
                "Modify (read, change, delete) via Accounting → Finance-All (allow, inherited from \\\\fs1\\share\\Finance)",
                "Read & execute via petrova (named directly) (allow, explicit)");
        assertThat(AccessExplanation.describe("\\\\fs1\\share\\Finance\\2026\\Payroll", access, NAMES::get, dacls::get,
                ExplanationPhrases.RUSSIAN)).as("the package's language").containsExactly(
                Level.MODIFY.description("ru") + " через Accounting → Finance-All (разрешение, унаследовано от \\\\fs1\\share\\Finance)",
                Level.READ_EXECUTE.description("ru") + " через petrova (указан напрямую) (разрешение, явное)");
    }

    @Test
    void anAceInheritedFromAboveTheScanSaysSo() {
        assertThat(AccessExplanation.inheritedFrom("/srv/share/a", FINANCE, Map.of("/srv/share", List.<Ace>of())::get))
                .as("above the scanned folder").isNull();
        EffectiveAccess access = NtAccessCheck.evaluate(null, List.of(Ace.allow(FINANCE, AccessMask.READ, AceFlag.INHERITED)),
                AccessToken.of(USER, null, sid -> sid.equals(USER) ? List.of(FINANCE) : List.of()));
        assertThat(AccessExplanation.describe("/srv/share/a", access, NAMES::get, path -> null)).singleElement().asString()
                .endsWith("(allow, inherited from above the scanned folder)");
    }
}
