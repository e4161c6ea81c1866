package io.aclens.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevokedTokensTest {

    @Test
    void aRevocationIsSeenAsSoonAsTheFileChangesAndTheLedgerListsWhatWasIssued(@TempDir Path dir) throws Exception {
        RevokedTokens revoked = new RevokedTokens(dir.resolve(RevokedTokens.FILE));
        assertThat(revoked.isRevoked("t-1")).as("no file: nothing revoked").isFalse();

        revoked.revoke("t-1", "# laptop lost");
        assertThat(revoked.isRevoked("t-1")).isTrue();
        new RevokedTokens(dir.resolve(RevokedTokens.FILE)).revoke("t-2", null);
        assertThat(revoked.ids()).containsExactlyInAnyOrder("t-1", "t-2");

        TokenLedger ledger = new TokenLedger(dir.resolve(TokenLedger.FILE));
        ledger.record(new TokenLedger.Entry("t-1", "manager\t@acme", Roles.CLIENT_VIEWER, List.of("acme", "globex"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")));
        assertThat(ledger.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("manager @acme");
            assertThat(entry.clients()).containsExactly("acme", "globex");
        });
    }
}
