package io.aclens.access.nt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.WellKnownSids;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcaclsImportTest {
    private static final String D = "S-1-5-21-1004336348-1177238915-682003330";

    @Test
    void namesResolveAsWellKnownThenThroughTheDirectoryAndRawSidsStay() {
        List<IcaclsParser.Folder> parsed = IcaclsParser.parse(String.join("\r\n",
                "D:\\Shares\\Finance BUILTIN\\Administrators:(OI)(CI)(F)",
                "                   CONTOSO\\Finance Team:(OI)(CI)(M)",
                "                   Все:(OI)(CI)(DENY)(W)",
                "                   S-1-5-21-1004336348-1177238915-682003330-9999:(I)(OI)(CI)(R)",
                "",
                "D:\\Shares\\Finance\\Locked: Access is denied.",
                ""));

        List<IcaclsImport.ImportedFolder> folders = IcaclsImport.resolve(parsed, Map.of("finance team", D + "-2002"));

        assertThat(folders.get(0).dacl()).extracting(Ace::sid).containsExactly(WellKnownSids.BUILTIN_ADMINISTRATORS, D + "-2002",
                WellKnownSids.EVERYONE, D + "-9999");
        assertThat(folders.get(0).dacl().get(3).flags()).contains(AceFlag.INHERITED);
        assertThat(folders.get(1).error()).isEqualTo("Access is denied.");
    }

    @Test
    void anAccountTheDirectoryDoesNotKnowStopsTheImportAndIsNamed() {
        List<IcaclsParser.Folder> parsed = IcaclsParser.parse("D:\\S CONTOSO\\ghost:(OI)(CI)(M)\r\n          CONTOSO\\Finance:(RX)\r\n");

        assertThatThrownBy(() -> IcaclsImport.resolve(parsed, Map.of("finance", D + "-2002")))
                .isInstanceOf(IcaclsImport.UnresolvedNamesException.class).hasMessageContaining("CONTOSO\\ghost");
    }
}
