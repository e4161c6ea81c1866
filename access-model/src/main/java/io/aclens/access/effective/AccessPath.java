package io.aclens.access.effective;

import java.util.List;

/**
 * Why a user holds some of a cell's rights: the ACE's SID, the group chain from the user to it (empty when
 * the ACE names the user), the undenied bits it grants, and whether the ACE was inherited.
 */
public record AccessPath(String aceSid, List<String> chain, int mask, boolean inherited) {
}
