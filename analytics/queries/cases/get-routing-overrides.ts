// Routing overrides edited at run time (routing_rules), on top of config/routing.json.
import type { Store } from '../../../shared/storage/store.js';
import type { RoutingOverride } from '../../cases/routing.js';

export async function getRoutingOverrides(store: Store): Promise<RoutingOverride[]> {
  const rows = await store.query<{ scope: string; scope_key: string; category: string; org_id: string; comment: string }>(
    `SELECT scope, scope_key, category, org_id, comment FROM routing_rules FINAL WHERE deleted = 0`,
  );
  return rows.map((r) => ({
    category: r.category,
    orgId: r.org_id,
    comment: r.comment || undefined,
    ...(r.scope === 'house' ? { houseId: r.scope_key } : { district: r.scope_key }),
  }));
}
