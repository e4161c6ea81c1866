package io.aclens.cli.bench;

import io.aclens.access.AccessMask;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.Level;
import io.aclens.access.WellKnownSids;
import io.aclens.access.effective.AccessToken;
import io.aclens.access.effective.EffectiveMatrix;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-access", mixinStandardHelpOptions = true,
        description = {"Effective access for a synthetic client: 1,000,000 folders sharing 2,000 ACLs, 1,500 users in 300 group sets,",
                "5 levels of group nesting. Prints time and peak heap of the full evaluation (targets: <= 5 s, <= 512 MB),",
                "of re-evaluating one membership change (<= 200 ms) and of \"what can user X access\" (milliseconds).",
                "Run it within 512 MB: ACLENS_JAVA_OPTS=-Xmx512m ./aclens bench-access"})
public final class AccessBenchCommand implements Callable<Integer> {
    private static final String DOMAIN = "S-1-5-21-3623811015-3361044348-30300820-";

    @Option(names = "--folders", defaultValue = "1000000")
    int folders;
    @Option(names = "--acls", defaultValue = "2000")
    int aclCount;
    @Option(names = "--users", defaultValue = "1500")
    int userCount;
    @Option(names = "--group-sets", defaultValue = "300")
    int groupSets;

    @Override
    public Integer call() {
        SplittableRandom random = new SplittableRandom(2026);
        int levels = 5;
        int groupsPerLevel = 60;
        Map<String, List<String>> memberOf = new HashMap<>();
        List<List<String>> groups = new ArrayList<>();
        for (int level = 0; level < levels; level++) {
            List<String> atLevel = new ArrayList<>();
            for (int g = 0; g < groupsPerLevel; g++) {
                atLevel.add(DOMAIN + (10000 + level * 1000 + g));
            }
            groups.add(atLevel);
        }
        for (int level = 0; level < levels - 1; level++) {
            for (String group : groups.get(level)) {
                List<String> parents = new ArrayList<>();
                for (int p = 0; p < 1 + random.nextInt(2); p++) {
                    parents.add(groups.get(level + 1).get(random.nextInt(groupsPerLevel)));
                }
                memberOf.put(group, parents);
            }
        }
        List<List<String>> combinations = new ArrayList<>();
        Set<Set<String>> seen = new java.util.HashSet<>();
        while (combinations.size() < groupSets) {
            Set<String> combination = new LinkedHashSet<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                combination.add(groups.get(0).get(random.nextInt(groupsPerLevel)));
            }
            if (seen.add(combination)) {
                combinations.add(List.copyOf(combination));
            }
        }
        List<String> users = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            String user = DOMAIN + (100000 + u);
            users.add(user);
            memberOf.put(user, combinations.get(u % groupSets));
        }
        List<EffectiveMatrix.Acl> acls = new ArrayList<>();
        int[] masks = {AccessMask.FILE_GENERIC_READ, AccessMask.READ_AND_EXECUTE, AccessMask.MODIFY, AccessMask.FILE_ALL_ACCESS, AccessMask.WRITE};
        for (int a = 0; a < aclCount; a++) {
            List<Ace> dacl = new ArrayList<>();
            dacl.add(Ace.allow(WellKnownSids.BUILTIN_ADMINISTRATORS, AccessMask.FILE_ALL_ACCESS, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT));
            dacl.add(Ace.allow(WellKnownSids.CREATOR_OWNER, AccessMask.FILE_ALL_ACCESS, AceFlag.OBJECT_INHERIT, AceFlag.CONTAINER_INHERIT, AceFlag.INHERIT_ONLY));
            for (int i = 0; i < 2 + random.nextInt(6); i++) {
                String sid = random.nextInt(30) == 0 ? users.get(random.nextInt(userCount))
                        : groups.get(random.nextInt(levels)).get(random.nextInt(groupsPerLevel));
                int mask = masks[random.nextInt(masks.length)];
                dacl.add(random.nextInt(10) == 0 ? Ace.deny(sid, mask & ~AccessMask.SYNCHRONIZE) : Ace.allow(sid, mask, AceFlag.INHERITED));
            }
            if (random.nextInt(10) == 0) {
                dacl.add(Ace.allow(WellKnownSids.EVERYONE, AccessMask.READ_AND_EXECUTE));
            }
            acls.add(new EffectiveMatrix.Acl(WellKnownSids.BUILTIN_ADMINISTRATORS, dacl));
        }
        int[] folderAcl = new int[folders];
        for (int f = 0; f < folders; f++) {
            double skew = random.nextDouble();
            folderAcl[f] = (int) (skew * skew * aclCount);
        }
        System.out.printf(Locale.ROOT, "synthetic client: %,d folders, %,d ACLs, %,d users in %d group sets, %d levels of nesting%n",
                folders, aclCount, userCount, groupSets, levels);

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        List<AccessToken> tokens = new ArrayList<>();
        for (String user : users) {
            tokens.add(AccessToken.of(user, DOMAIN + "513", sid -> memberOf.getOrDefault(sid, List.of())));
        }
        EffectiveMatrix matrix = new EffectiveMatrix(acls, folderAcl, tokens);
        long readableCells = 0;
        for (String user : users) {
            readableCells += matrix.readableFolders(user);
        }
        long fullMillis = (System.nanoTime() - t0) / 1_000_000;
        long peakHeapMib = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        System.out.printf(Locale.ROOT, "full effective matrix (%,d cells, %d group sets evaluated, %,d readable cells): %d ms, peak heap %d MiB"
                        + " (targets: <= 5,000 ms, <= 512 MB)%n", (long) folders * userCount, matrix.distinctGroupSets(), readableCells,
                fullMillis, peakHeapMib);

        String changed = users.get(7);
        List<String> newGroups = new ArrayList<>(memberOf.get(changed));
        newGroups.add(groups.get(0).get((groupsPerLevel - 1)));
        memberOf.put(changed, newGroups);
        long t1 = System.nanoTime();
        matrix.replaceToken(AccessToken.of(changed, DOMAIN + "513", sid -> memberOf.getOrDefault(sid, List.of())));
        long readable = matrix.readableFolders(changed);
        long changeMicros = (System.nanoTime() - t1) / 1_000;
        System.out.printf(Locale.ROOT, "one membership change re-evaluated: %.1f ms (target <= 200 ms); the user now reads %,d folders%n",
                changeMicros / 1000.0, readable);

        long t2 = System.nanoTime();
        long modifiable = matrix.foldersWithAtLeast(users.get(42), Level.MODIFY).stream().mapToLong(f -> f.length).sum();
        System.out.printf(Locale.ROOT, "what can user X change: %,d folders in %.1f ms%n", modifiable, (System.nanoTime() - t2) / 1_000_000.0);
        return 0;
    }
}
