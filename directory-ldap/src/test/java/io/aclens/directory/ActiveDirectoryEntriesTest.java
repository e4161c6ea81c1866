package io.aclens.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveDirectoryEntriesTest {
    private static final String DN = "dn: CN=Anna Ivanova,OU=Staff,DC=corp,DC=example";
    private static final String SID = "objectSid:: AQUAAAAAAAUVAAAA3KKdO4N0KUZCR6MpUQQAAA==";

    @Test
    void aUserMapsWithItsPrimaryGroupAndState() throws Exception {
        DirectoryUser user = ActiveDirectoryEntries.user(new Entry(DN, "objectClass: user", SID, "sAMAccountName: aivanova",
                "displayName:: 0JDQvdC90LAg0JjQstCw0L3QvtCy0LA=", "userAccountControl: 514", "primaryGroupID: 513"));

        assertThat(user.sid()).isEqualTo("S-1-5-21-1000186588-1177121923-698566466-1105");
        assertThat(user.primaryGroupSid()).isEqualTo("S-1-5-21-1000186588-1177121923-698566466-513");
        assertThat(user.fullName()).isEqualTo("Анна Иванова");
        assertThat(user.enabled()).isFalse();
    }

    @Test
    void anEntryThatCannotBeMappedIsRefusedNamingItAndTheAttribute() {
        assertThatThrownBy(() -> ActiveDirectoryEntries.user(new Entry(DN, "objectClass: user", "sAMAccountName: aivanova")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Entry CN=Anna Ivanova,OU=Staff,DC=corp,DC=example: no objectSid");
        assertThatThrownBy(() -> ActiveDirectoryEntries.group(new Entry(DN, "objectClass: group", "objectSid:: AQUAAA=="), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Entry CN=Anna Ivanova,OU=Staff,DC=corp,DC=example: objectSid: ");
        assertThatThrownBy(() -> ActiveDirectoryEntries.user(new Entry(DN, "objectClass: user", SID, "primaryGroupID: -1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("primaryGroupID -1 is not a relative id");
        assertThatThrownBy(() -> ActiveDirectoryEntries.user(new Entry(DN, "objectClass: user",
                "objectSid:: AQUAAAAAAAUVAAAA3KKdO4N0KUZCR6MpUQQAAAAA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("objectSid has 2 bytes after the SID");
    }
}
