package io.aclens.collector.smb;

import com.hierynomus.msdtyp.ace.ACE;
import com.hierynomus.msdtyp.ace.AceFlags;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import io.aclens.access.Ace;
import io.aclens.access.AceFlag;
import io.aclens.access.AceType;
import io.aclens.access.Principal;
import io.aclens.access.PrincipalKind;
import io.aclens.access.WellKnownSids;
import io.aclens.access.nt.SecurityDescriptor;
import io.aclens.collector.service.CollectionTally;
import io.aclens.collector.service.FolderSource;
import io.aclens.contracts.SourceKind;
import io.aclens.contracts.SourceServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Windows (or Samba) share read remotely over SMB2/3 with a service account: owner, group, control flags
 * and DACL of every folder, walked depth first over several connections with batches of folders in flight
 * ({@link SmbWalk}). A folder whose security or contents cannot be read is recorded with the NT status and the
 * walk goes on.
 */
public final class SmbShareSource implements FolderSource {
    private final SmbTarget target;
    /** What the server said of itself once the walk ended: names of the SIDs seen, the share's and its own groups. */
    private volatile Map<String, String> names = Map.of();
    private volatile SourceServer server;

    public SmbShareSource(SmbTarget target) {
        this.target = target;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SMB;
    }

    /** Well-known names first, then the server's own (LSARPC); the directory sync names domain accounts with more detail. */
    @Override
    public Principal resolve(String sid) {
        return WellKnownSids.lookup(sid).orElseGet(() -> {
            String name = names.get(sid);
            if (name == null || name.equals(sid)) {
                return new Principal(sid, sid, null, PrincipalKind.UNRESOLVED);
            }
            // LSARPC names the account without its kind here: the server's own groups and Samba's Unix groups are groups
            boolean group = sid.startsWith(WellKnownSids.UNIX_GROUP_PREFIX) || (server != null && server.groups() != null
                    && server.groups().groups().stream().anyMatch(g -> g.sid().equals(sid)));
            return new Principal(sid, name, null, group ? PrincipalKind.GROUP : PrincipalKind.USER);
        });
    }

    @Override
    public SourceServer server() {
        return server;
    }

    @Override
    public void collect(CollectionTally tally) throws IOException {
        // a server serves each connection in order (Samba: one smbd process per client), so the folders are spread
        // over several connections; each needs its own config, hence its own client GUID, or Samba hands all of
        // them to the same process (multichannel)
        int connections = Math.max(1, Math.min(target.connections(), target.parallelism()));
        int batchSize = Math.max(1, (target.parallelism() + connections - 1) / connections);
        List<SMBClient> clients = new ArrayList<>();
        List<DiskShare> shares = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                SMBClient client = SmbSessions.newClient();
                clients.add(client);
                shares.add((DiskShare) SmbSessions.open(client, target).connectShare(target.share()));
            }
            new SmbWalk(target, shares, batchSize, tally).run();
            readServer(shares.get(0).getTreeConnect().getSession(), tally);
        } catch (SMBApiException e) {
            throw new IOException("Cannot open " + SmbTarget.uncPath(target.host(), target.share(), "") + ": " + e.getStatus(), e);
        } finally {
            for (SMBClient client : clients) {
                client.close();
            }
        }
    }

    /** The share's permissions, the server's own groups and the names of every SID the folders named, over the same session. */
    private void readServer(Session session, CollectionTally tally) {
        SmbServerInfo info = new SmbServerInfo(session);
        SmbServerInfo.ShareSecurity share = info.shareSecurity(target.share());
        server = new SourceServer(SmbTarget.uncPath(target.host(), target.share(), ""), share.sddl(), share.note(), info.serverGroups());
        List<String> sids = new ArrayList<>();
        synchronized (tally) {
            sids.addAll(tally.sids());
        }
        server.groups().groups().forEach(group -> sids.addAll(group.members()));
        names = info.names(sids.stream().distinct().filter(sid -> WellKnownSids.lookup(sid).isEmpty()).toList());
    }

    /** Maps an SMB security descriptor onto ACLens' model; ACE kinds other than allow/deny grant nothing on a folder. */
    static SecurityDescriptor toModel(com.hierynomus.msdtyp.SecurityDescriptor sd) {
        Set<SecurityDescriptor.Control> control = EnumSet.noneOf(SecurityDescriptor.Control.class);
        Set<com.hierynomus.msdtyp.SecurityDescriptor.Control> flags = sd.getControl();
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.PD)) {
            control.add(SecurityDescriptor.Control.DACL_PROTECTED);
        }
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DI)) {
            control.add(SecurityDescriptor.Control.DACL_AUTO_INHERITED);
        }
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DC)) {
            control.add(SecurityDescriptor.Control.DACL_AUTO_INHERIT_REQUIRED);
        }
        List<Ace> dacl = null;
        if (flags.contains(com.hierynomus.msdtyp.SecurityDescriptor.Control.DP) && sd.getDacl() != null) {
            dacl = new ArrayList<>();
            for (ACE ace : sd.getDacl().getAces()) {
                AceType type = switch (ace.getAceHeader().getAceType()) {
                    case ACCESS_ALLOWED_ACE_TYPE -> AceType.ALLOW;
                    case ACCESS_DENIED_ACE_TYPE -> AceType.DENY;
                    default -> null;
                };
                if (type != null) {
                    dacl.add(new Ace(type, ace.getSid().toString(), (int) ace.getAccessMask(), flags(ace.getAceHeader().getAceFlags())));
                }
            }
        }
        return new SecurityDescriptor(sd.getOwnerSid() == null ? null : sd.getOwnerSid().toString(),
                sd.getGroupSid() == null ? null : sd.getGroupSid().toString(), control, dacl);
    }

    private static Set<AceFlag> flags(Set<AceFlags> smbFlags) {
        Set<AceFlag> flags = EnumSet.noneOf(AceFlag.class);
        for (AceFlags flag : smbFlags) {
            switch (flag) {
                case OBJECT_INHERIT_ACE -> flags.add(AceFlag.OBJECT_INHERIT);
                case CONTAINER_INHERIT_ACE -> flags.add(AceFlag.CONTAINER_INHERIT);
                case NO_PROPAGATE_INHERIT_ACE -> flags.add(AceFlag.NO_PROPAGATE);
                case INHERIT_ONLY_ACE -> flags.add(AceFlag.INHERIT_ONLY);
                case INHERITED_ACE -> flags.add(AceFlag.INHERITED);
                default -> {
                    // audit flags do not occur in a DACL
                }
            }
        }
        return flags;
    }
}
