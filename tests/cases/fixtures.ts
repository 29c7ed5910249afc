// Small registry and mention builders shared by the case tests.
import type { ProcessedMention } from '../../shared/types/mention.js';
import type { DirectoryOrg, RoutingDirectory } from '../../analytics/cases/routing.js';

export const ORGS: DirectoryOrg[] = [
  { id: 'org:uk1', name: 'ООО «ЖКС № 1 Приморского района»', kind: 'uk' },
  { id: 'org:uk2', name: 'ООО «УК Северная»', kind: 'uk' },
  { id: 'org:adm', name: 'Администрация Приморского района', kind: 'district_admin' },
  { id: 'org:gas', name: 'АО «Петербурггаз»', kind: 'supplier' },
];
export const directory: RoutingDirectory = { orgs: ORGS, org: (id) => ORGS.find((o) => o.id === id) };

let n = 0;
export function mention(over: Partial<ProcessedMention> = {}): ProcessedMention {
  n++;
  return {
    id: `vk:test-${n}-${Math.random().toString(36).slice(2, 8)}`,
    source: 'vk',
    channel: 'vk:-1',
    authorHash: 'a',
    text: 'Третий день нет отопления в доме на Савушкина 10, батареи ледяные',
    ts: '2026-11-10T08:00:00.000Z',
    url: 'https://vk.com/wall-1_1',
    ingestedAt: '2026-11-10T08:00:01.000Z',
    category: 'heating',
    relevant: true,
    confidence: 0.9,
    urgency: 0.8,
    reasons: [],
    address: { street: 'Савушкина', house: '10', raw: 'Савушкина 10' },
    houseId: 'spb:1',
    lat: 59.98,
    lon: 30.25,
    district: 'Приморский район',
    organisation: { id: 'org:uk1', name: 'ООО «ЖКС № 1 Приморского района»' },
    dupGroup: '',
    ...over,
  };
}
