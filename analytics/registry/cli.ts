// Bodies of `domovoy import-registry` and `domovoy geocode "текст"`.
import type { Store } from '../../shared/storage/store.js';
import { silentLogger, type Logger } from '../../shared/log/logger.js';
import type { ResolveHint } from '../address/resolver.js';
import { importRegistry, type ImportResult } from './import.js';
import { loadRegistry, type Registry } from './load.js';

export async function runImportRegistry(store: Store, log: Logger = silentLogger, registry?: Registry): Promise<ImportResult> {
  const reg = registry ?? (await loadRegistry());
  const result = await importRegistry(store, reg, log);
  log.info('registry import done', { ...result });
  return result;
}

let cached: Promise<Registry> | null = null;

/** Pretty JSON of the resolution of one text, with the house's organisation and district. */
export async function runGeocode(text: string, hint?: ResolveHint, registry?: Registry): Promise<string> {
  const reg = registry ?? (await (cached ??= loadRegistry()));
  return geocodeJson(reg, text, hint);
}

export function geocodeJson(reg: Registry, text: string, hint?: ResolveHint): string {
  const r = reg.resolver.resolve(text, hint);
  const h = r.house;
  const org = h?.orgId ? reg.org(h.orgId) ?? null : null;
  const district = h ? h.district ?? (h.lat !== null && h.lon !== null ? reg.districtOf(h.lat, h.lon) : null) : null;
  const admin = district ? reg.orgs.find((o) => o.kind === 'district_admin' && o.district === district) ?? null : null;
  return JSON.stringify(
    {
      text,
      house: h,
      organisation: org ? { id: org.id, name: org.name, kind: org.kind } : null,
      district,
      districtAdministration: admin ? { id: admin.id, name: admin.name } : null,
      street: r.street,
      address: r.address,
      span: r.span,
      confidence: r.confidence,
      ambiguous: r.ambiguous,
      candidates: r.candidates,
      // the text's number is not in the registry: the house is its nearest-numbered neighbour
      approximate: r.approximate ?? false,
    },
    null,
    2,
  );
}
