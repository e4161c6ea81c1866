package io.aclens.collector.smb;

import com.hierynomus.msdtyp.SecurityDescriptor;
import com.hierynomus.protocol.commons.buffer.Buffer;
import com.hierynomus.smb.SMBBuffer;
import com.hierynomus.smbj.session.Session;
import com.rapid7.client.dcerpc.dto.SID;
import com.rapid7.client.dcerpc.mslsad.LocalSecurityAuthorityService;
import com.rapid7.client.dcerpc.mslsad.dto.PolicyDomainInfo;
import com.rapid7.client.dcerpc.mslsad.dto.PolicyHandle;
import com.rapid7.client.dcerpc.mssamr.SecurityAccountManagerService;
import com.rapid7.client.dcerpc.mssamr.dto.AliasHandle;
import com.rapid7.client.dcerpc.mssamr.dto.DomainHandle;
import com.rapid7.client.dcerpc.mssamr.dto.MembershipWithName;
import com.rapid7.client.dcerpc.mssamr.dto.ServerHandle;
import com.rapid7.client.dcerpc.mssrvs.ServerService;
import com.rapid7.client.dcerpc.mssrvs.dto.NetShareInfo1;
import com.rapid7.client.dcerpc.mssrvs.dto.NetShareInfo502;
import com.rapid7.client.dcerpc.transport.SMBTransportFactories;
import io.aclens.access.directory.ServerGroups;
import io.aclens.access.nt.Sddl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a Windows (or Samba) file server says of itself over the IPC$ pipe of an authenticated SMB session: a
 * share's own security descriptor (SRVSVC NetShareGetInfo, level 502), its disk shares (NetShareEnum), its own
 * groups with their direct members (SAMR: the Builtin domain and the server's account domain) and the names of
 * SIDs (LSARPC). Each answer that the account may not read comes back as a reason, never as an exception: the
 * scan goes on and says so in its coverage.
 */
final class SmbServerInfo {
    /** STYPE_DISKTREE in the low bits of a share's type; STYPE_SPECIAL marks the administrative $ shares. */
    private static final int TYPE_MASK = 0xFF;
    private static final int STYPE_DISKTREE = 0;
    private static final int STYPE_SPECIAL = 0x80000000;
    private static final int LSA_LOOKUP_BATCH = 1000;

    private final Session session;

    SmbServerInfo(Session session) {
        this.session = session;
    }

    /** A share's descriptor as SDDL, or why it could not be read. */
    record ShareSecurity(String sddl, String note) {
    }

    ShareSecurity shareSecurity(String share) {
        try {
            ServerService srvsvc = new ServerService(SMBTransportFactories.SRVSVC.getTransport(session));
            NetShareInfo502 info = srvsvc.getShare502(share);
            byte[] descriptor = info.getSecurityDescriptor();
            if (descriptor == null || descriptor.length == 0) {
                return new ShareSecurity(null, "the server returned no descriptor for the share: Windows and Samba give it only to an "
                        + "administrator of the server (NetShareGetInfo level 502); cells show the folders' permissions alone");
            }
            SecurityDescriptor sd = SecurityDescriptor.read(new SMBBuffer(descriptor));
            return new ShareSecurity(Sddl.write(SmbShareSource.toModel(sd)), "read over SRVSVC");
        } catch (IOException | Buffer.BufferException | RuntimeException e) {
            return new ShareSecurity(null, "the share's permissions could not be read (" + reason(e) + "; NetShareGetInfo level 502 needs an "
                    + "administrator of the server); cells show the folders' permissions alone");
        }
    }

    /** The server's disk shares; the administrative ones ({@code C$}, {@code ADMIN$}) only when asked for. */
    List<String> diskShares(boolean includeAdministrative) throws IOException {
        ServerService srvsvc = new ServerService(SMBTransportFactories.SRVSVC.getTransport(session));
        List<String> shares = new ArrayList<>();
        for (NetShareInfo1 share : srvsvc.getShares1()) {
            boolean disk = (share.getType() & TYPE_MASK) == STYPE_DISKTREE;
            boolean administrative = (share.getType() & STYPE_SPECIAL) != 0 || share.getNetName().endsWith("$");
            if (disk && (includeAdministrative || !administrative)) {
                shares.add(share.getNetName());
            }
        }
        shares.sort(String.CASE_INSENSITIVE_ORDER);
        return shares;
    }

    /** Every group of the server's own SAM (its Builtin domain and its account domain) with its direct members. */
    ServerGroups serverGroups() {
        try {
            SecurityAccountManagerService samr = new SecurityAccountManagerService(SMBTransportFactories.SAMSVC.getTransport(session));
            ServerHandle server = samr.openServer();
            List<ServerGroups.LocalGroup> groups = new ArrayList<>();
            for (MembershipWithName domain : samr.getDomainsForServer(server)) {
                SID domainSid = samr.getSIDForDomain(server, domain.getName());
                DomainHandle handle = samr.openDomain(server, domainSid);
                boolean builtin = domain.getName().equalsIgnoreCase("Builtin");
                for (MembershipWithName alias : samr.getAliasesForDomain(handle)) {
                    AliasHandle aliasHandle = samr.openAlias(handle, alias.getRelativeID());
                    List<String> members = new ArrayList<>();
                    for (SID member : samr.getMembersInAlias(aliasHandle)) {
                        members.add(member.toString());
                    }
                    samr.closeHandle(aliasHandle);
                    String name = (builtin ? "BUILTIN" : domain.getName()) + "\\" + alias.getName();
                    groups.add(new ServerGroups.LocalGroup(domainSid.resolveRelativeID(alias.getRelativeID()).toString(), name, members));
                }
                samr.closeHandle(handle);
            }
            samr.closeHandle(server);
            return ServerGroups.read(groups, "read from the server over SAMR: " + groups.size() + " groups");
        } catch (IOException | RuntimeException e) {
            return ServerGroups.unreadable("the server's own groups could not be read over SAMR (" + reason(e) + ")");
        }
    }

    /**
     * Names for SIDs as the server resolves them (LSARPC), with the server's own domain in front of its local
     * accounts ({@code FS1\backup}); SIDs it cannot name are left out.
     */
    Map<String, String> names(List<String> sids) {
        Map<String, String> names = new HashMap<>();
        if (sids.isEmpty()) {
            return names;
        }
        try {
            LocalSecurityAuthorityService lsa = new LocalSecurityAuthorityService(SMBTransportFactories.LSASVC.getTransport(session));
            PolicyHandle policy = lsa.openPolicyHandle();
            PolicyDomainInfo account = lsa.getPolicyAccountDomainInformation(policy);
            String localPrefix = account.getDomainSID() == null ? null : account.getDomainSID() + "-";
            for (int from = 0; from < sids.size(); from += LSA_LOOKUP_BATCH) {
                List<String> batch = sids.subList(from, Math.min(sids.size(), from + LSA_LOOKUP_BATCH));
                try {
                    String[] found = lsa.lookupNamesForSIDs(policy, batch.stream().map(SID::fromString).toArray(SID[]::new));
                    for (int i = 0; i < batch.size() && i < found.length; i++) {
                        if (found[i] != null && !found[i].isBlank()) {
                            String sid = batch.get(i);
                            boolean local = localPrefix != null && sid.startsWith(localPrefix) && sid.indexOf('-', localPrefix.length()) < 0;
                            names.put(sid, local ? account.getDomainName() + "\\" + found[i] : found[i]);
                        }
                    }
                } catch (IOException | RuntimeException noneMapped) {
                    // STATUS_NONE_MAPPED for a batch of orphaned SIDs: they stay unresolved, which is a finding, not an error
                }
            }
            lsa.closePolicyHandle(policy);
        } catch (IOException | RuntimeException e) {
            // names are a convenience: the directory names domain accounts anyway
        }
        return names;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.toLowerCase(Locale.ROOT).contains("access_denied") ? "STATUS_ACCESS_DENIED" : message;
    }
}
