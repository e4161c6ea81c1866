package io.aclens.access.nt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import io.aclens.access.Level;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcaclsParserTest {
    private static final String ENGLISH = String.join("\r\n",
            "D:\\Shares\\Finance BUILTIN\\Administrators:(OI)(CI)(F)",
            "                   NT AUTHORITY\\SYSTEM:(OI)(CI)(F)",
            "                   CONTOSO\\Finance Team:(OI)(CI)(M)",
            "                   CONTOSO\\j.doe:(DENY)(W)",
            "                   CONTOSO\\a.smith:(CI)(DENY)(RD,WD,AD)",
            "                   CREATOR OWNER:(OI)(CI)(IO)(F)",
            "                   Everyone:(NP)(RX)",
            "                   S-1-5-21-1004336348-1177238915-682003330-1105:(I)(OI)(CI)(R)",
            "",
            "D:\\Shares\\Finance\\Budget 2026 CONTOSO\\Finance Team:(I)(OI)(CI)(M)",
            "",
            "D:\\Shares\\Finance\\Locked: Access is denied.",
            "Successfully processed 2 files; Failed processing 1 files",
            "");

    @Test
    void englishOutputWithSpacesDenyAnywhereAndSpecificRights() {
        List<IcaclsParser.Folder> folders = IcaclsParser.parse(ENGLISH);

        assertThat(folders).extracting(IcaclsParser.Folder::path)
                .containsExactly("D:\\Shares\\Finance", "D:\\Shares\\Finance\\Budget 2026", "D:\\Shares\\Finance\\Locked");
        List<IcaclsParser.Entry> finance = folders.get(0).aces();
        assertThat(finance).extracting(IcaclsParser.Entry::principal).containsExactly("BUILTIN\\Administrators", "NT AUTHORITY\\SYSTEM",
                "CONTOSO\\Finance Team", "CONTOSO\\j.doe", "CONTOSO\\a.smith", "CREATOR OWNER", "Everyone",
                "S-1-5-21-1004336348-1177238915-682003330-1105");
        assertThat(finance.get(0)).isEqualTo(new IcaclsParser.Entry("BUILTIN\\Administrators", AceType.ALLOW, 0x1F01FF,
                EnumSet.of(AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT)));
        assertThat(Level.fromMask(finance.get(2).mask())).isEqualTo(Level.MODIFY);
        assertThat(finance.get(3).type()).isEqualTo(AceType.DENY);
        assertThat(Level.fromMask(finance.get(3).mask())).isEqualTo(Level.WRITE);
        assertThat(finance.get(4)).isEqualTo(new IcaclsParser.Entry("CONTOSO\\a.smith", AceType.DENY, 0x7, EnumSet.of(AceFlag.CONTAINER_INHERIT)));
        assertThat(finance.get(5).flags()).contains(AceFlag.INHERIT_ONLY);
        assertThat(finance.get(6).flags()).containsExactly(AceFlag.NO_PROPAGATE);
        assertThat(finance.get(7).flags()).contains(AceFlag.INHERITED);
        assertThat(folders.get(1).aces()).singleElement().extracting(IcaclsParser.Entry::principal).isEqualTo("CONTOSO\\Finance Team");
        assertThat(folders.get(2).error()).isEqualTo("Access is denied.");
    }

    private static final String RUSSIAN = String.join("\r\n",
            "D:\\Общие\\Бухгалтерия КОМПАНИЯ\\Бухгалтерия:(OI)(CI)(M)",
            "                      КОМПАНИЯ\\Иванова Анна:(RX)",
            "                      Все:(OI)(CI)(DENY)(W)",
            "",
            "Успешно обработано 1 файлов; не удалось обработать 0 файлов",
            "");

    @Test
    void utf16WithBomAsPowerShellWritesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(RUSSIAN.getBytes(StandardCharsets.UTF_16LE));

        List<IcaclsParser.Folder> folders = IcaclsParser.parse(bytes.toByteArray(), Charset.forName("IBM866"));

        assertThat(folders).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("D:\\Общие\\Бухгалтерия");
            assertThat(folder.aces()).extracting(IcaclsParser.Entry::principal)
                    .containsExactly("КОМПАНИЯ\\Бухгалтерия", "КОМПАНИЯ\\Иванова Анна", "Все");
            assertThat(folder.aces().get(2).type()).isEqualTo(AceType.DENY);
        });
    }

    @Test
    void oemCodePageAsCmdWritesIt() {
        byte[] cp866 = RUSSIAN.getBytes(Charset.forName("IBM866"));

        assertThat(IcaclsParser.parse(cp866, Charset.forName("IBM866")).get(0).aces().get(1).principal()).isEqualTo("КОМПАНИЯ\\Иванова Анна");
        assertThat(IcaclsParser.parse(RUSSIAN.getBytes(StandardCharsets.UTF_8), Charset.forName("IBM866")).get(0).path())
                .isEqualTo("D:\\Общие\\Бухгалтерия");
    }

    @Test
    void singleEntryFolderWithSpacesInPathAndAccount() {
        List<IcaclsParser.Folder> folders = IcaclsParser.parse("\\\\fs1\\share\\Dept Sales\\Q1 Reports CONTOSO\\Sales Managers:(OI)(CI)(RX)\n");

        assertThat(folders.get(0).path()).isEqualTo("\\\\fs1\\share\\Dept Sales\\Q1 Reports");
        assertThat(folders.get(0).aces().get(0).principal()).isEqualTo("CONTOSO\\Sales Managers");
    }

    @Test
    void unknownRightsNameTheLine() {
        assertThatThrownBy(() -> IcaclsParser.parse("C:\\x BUILTIN\\Users:(OI)(ZZ)\n"))
                .hasMessageContaining("Line 1").hasMessageContaining("unknown right 'ZZ'");
    }

    @Test
    void aLineThatIsNeitherAFolderNorAFoldersErrorIsRefusedWithItsNumber() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IcaclsParser.parse("D:\\S BUILTIN\\Administrators:(F)\r\n\r\njust some text\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 3").hasMessageContaining("just some text");
    }

    @Test
    void aFolderNameOfManySpacesIsSplitFromItsFirstAccount() {
        // 400,000 characters of "a " before the account: the split point is found in one pass over the line
        String path = "D:\\" + "a ".repeat(200_000) + "end";
        List<IcaclsParser.Folder> folders = IcaclsParser.parse(path + " BUILTIN\\Administrators:(OI)(CI)(F)\n\n");

        assertThat(folders).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo(path);
            assertThat(folder.aces()).extracting(IcaclsParser.Entry::principal).containsExactly("BUILTIN\\Administrators");
        });
    }

    @Test
    void fuzzFindingsAreCleanPositionedErrors() {
        // found by ./aclens fuzz: the next line's indentation pointed past the only account, which crashed the parser
        assertThatThrownBy(() -> IcaclsParser.parse("x:(F) y\n      z:(R)\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 1");
        assertThatThrownBy(() -> IcaclsParser.parse("C:\\Data NT AUTHORITY\\SYSTEM:(OI)(CI)(F)\n          :(RD)\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Line 2").hasMessageContaining("expected an account");
    }
}
