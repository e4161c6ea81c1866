package io.aclens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrincipalLevelsTest {
    private static final String ALICE = "S-1-5-21-1-2-3-1001";

    @Test
    void denyBeforeAllowBlocksThoseBits() {
        List<Ace> dacl = List.of(Ace.deny(ALICE, AccessMask.WRITE | AccessMask.DELETE), Ace.allow(ALICE, AccessMask.FILE_ALL_ACCESS));

        assertThat(PrincipalLevels.of(dacl)).containsEntry(ALICE, Level.READ_EXECUTE);
    }

    @Test
    void allowBeforeDenyKeepsWhatWasGranted() {
        List<Ace> dacl = List.of(Ace.allow(ALICE, AccessMask.MODIFY), Ace.deny(ALICE, AccessMask.WRITE));

        assertThat(PrincipalLevels.of(dacl)).containsEntry(ALICE, Level.MODIFY);
    }

    @Test
    void allowsAccumulateAcrossEntries() {
        List<Ace> dacl = List.of(Ace.allow(ALICE, AccessMask.READ_AND_EXECUTE, AceFlag.INHERITED),
                Ace.allow(ALICE, AccessMask.WRITE | AccessMask.DELETE));

        assertThat(PrincipalLevels.of(dacl)).containsEntry(ALICE, Level.MODIFY);
    }

    @Test
    void inheritOnlyEntriesDoNotApplyToTheFolderItself() {
        List<Ace> dacl = List.of(Ace.allow(ALICE, AccessMask.FILE_ALL_ACCESS, AceFlag.INHERIT_ONLY, AceFlag.OBJECT_INHERIT));

        assertThat(PrincipalLevels.of(dacl)).isEmpty();
    }

    @Test
    void readAndExecuteInheritedByFoldersOnlyIsListFolderContents() {
        List<Ace> dacl = List.of(Ace.allow(ALICE, AccessMask.READ_AND_EXECUTE, AceFlag.CONTAINER_INHERIT));

        assertThat(PrincipalLevels.of(dacl)).containsEntry(ALICE, Level.LIST_FOLDER);
    }

    @Test
    void genericRightsAreMapped() {
        assertThat(PrincipalLevels.of(List.of(Ace.allow(ALICE, AccessMask.GENERIC_ALL)))).containsEntry(ALICE, Level.FULL);
    }
}
