package io.aclens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.cli.fuzz.ParserFuzzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CI-sized run of ./aclens fuzz (which runs a million inputs a parser): no parser may fail other than cleanly. */
class ParserFuzzerTest {

    @Test
    void everyMutatedInputParsesOrIsRefusedCleanly() {
        Map<String, List<ParserFuzzer.Finding>> findings = ParserFuzzer.run(20_000, 20261202L);

        assertThat(findings.keySet()).containsExactly("sddl", "binary-sid", "icacls", "ndjson", "ad-entry", "ldap-entries");
        findings.forEach((parser, found) -> assertThat(found).as(parser).isEmpty());
    }
}
