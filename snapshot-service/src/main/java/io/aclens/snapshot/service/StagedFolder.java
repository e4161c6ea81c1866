package io.aclens.snapshot.service;

import io.aclens.access.AclHash;
import io.aclens.contracts.EventCodec;
import io.aclens.contracts.FolderScanned;
import java.io.UncheckedIOException;

/** A folder event reduced to what staging stores; the DACL itself is stored once per distinct hash. */
public record StagedFolder(String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                           String aclHash, String daclJson, String readError, String stateHash) {

    public static StagedFolder of(FolderScanned event) {
        String aclHash = AclHash.of(event.dacl());
        String daclJson;
        try {
            daclJson = EventCodec.mapper().writeValueAsString(event.dacl());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String stateHash = AclHash.hex(event.depth() + "|" + event.ownerSid() + "|" + event.groupSid() + "|"
                + event.inheritanceProtected() + "|" + aclHash + "|" + event.readError());
        return new StagedFolder(event.path(), event.depth(), event.ownerSid(), event.groupSid(), event.inheritanceProtected(),
                aclHash, daclJson, event.readError(), stateHash);
    }
}
