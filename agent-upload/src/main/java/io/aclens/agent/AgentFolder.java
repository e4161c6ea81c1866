package io.aclens.agent;

import java.util.Map;

/**
 * One NDJSON line of an agent upload: a folder's path and security descriptor as the Windows agent read it.
 *
 * @param owner the owner SID (optional: the SDDL's O: part is used when absent)
 * @param sddl  the folder's security descriptor; may be absent only when {@code error} says why
 * @param error why the agent could not read the folder, else {@code null}
 * @param names account names the agent resolved, by SID (optional)
 */
public record AgentFolder(String path, String owner, String sddl, String error, Map<String, String> names) {
}
