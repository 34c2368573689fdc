/**
 * "An item the workspace has": one of its streams (columns or hidden inbox sources) shows it, or
 * its inbox holds it. Both tests are index probes (stream_items_by_item, the inbox's unique
 * (workspace_id, item_id)), so a walk over an author's items stays cheap. CROSS JOIN keeps SQLite
 * from scanning every stream of every workspace per item instead (its choice on small tables,
 * and a bad one once an agency has hundreds of columns). Expects `i` to be the
 * item and `ii` the workspace's inbox row LEFT JOINed on it, and the workspace as @workspaceId.
 */
export const IN_WORKSPACE = `(ii.id IS NOT NULL OR EXISTS (
    SELECT 1 FROM stream_items si CROSS JOIN streams s ON s.id = si.stream_id
    WHERE si.item_id = i.id AND s.workspace_id = @workspaceId))`;

export const JOIN_INBOX = 'LEFT JOIN inbox_items ii ON ii.workspace_id = @workspaceId AND ii.item_id = i.id';
