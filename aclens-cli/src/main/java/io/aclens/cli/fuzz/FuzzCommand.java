package io.aclens.cli.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fuzzes the parsers of client input and prints, per parser, how many inputs ran and what failed as it must not. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Mutation-fuzzes the SDDL, binary SID, icacls and agent NDJSON parsers and the AD and LDAP entry mappings:",
                "every input must parse or be refused cleanly.",
                "  ./aclens fuzz --inputs 1000000"})
public final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--inputs", defaultValue = "1000000", description = "Inputs per parser (default: ${DEFAULT-VALUE}).")
    long inputs;

    @Option(names = "--seed", defaultValue = "20261202", description = "Random seed (default: ${DEFAULT-VALUE}); a finding replays with it.")
    long seed;

    @Override
    public Integer call() {
        Instant start = Instant.now();
        Map<String, List<ParserFuzzer.Finding>> findings = ParserFuzzer.run(inputs, seed);
        int total = 0;
        for (Map.Entry<String, List<ParserFuzzer.Finding>> target : findings.entrySet()) {
            System.out.println(target.getKey() + ": " + inputs + " inputs, " + target.getValue().size() + " finding(s)");
            for (ParserFuzzer.Finding finding : target.getValue()) {
                System.out.println("    " + finding.failure() + " for " + finding.input().length() + " characters: "
                        + finding.input().substring(0, Math.min(200, finding.input().length())).replace("\n", "\\n"));
            }
            total += target.getValue().size();
        }
        System.out.println("in " + Duration.between(start, Instant.now()).toSeconds() + " s; " + total + " finding(s)");
        return total == 0 ? 0 : 1;
    }
}
