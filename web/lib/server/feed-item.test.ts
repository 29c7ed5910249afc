import { describe, expect, it } from 'vitest';
import { processedMention } from '../../../tests/helpers/mention-factory.js';
import { feedItemFromProcessed } from './feed-item.js';

describe('feedItemFromProcessed', () => {
  it('flattens address and organisation for the browser', () => {
    const m = processedMention({ id: 'vk:9', ts: '2026-01-15T15:00:00+03:00' });
    expect(feedItemFromProcessed(m)).toMatchObject({
      id: 'vk:9',
      ts: '2026-01-15T12:00:00.000Z',
      street: 'ул. Типанова',
      houseNumber: '5',
      addressRaw: 'Типанова 5',
      orgId: 'org:1',
      orgName: 'ООО «Жилкомсервис № 1»',
      district: 'Московский район',
      relevant: true,
    });
  });

  it('maps a mention without address or organisation to nulls and empty strings', () => {
    const item = feedItemFromProcessed(processedMention({ address: null, organisation: null, houseId: null, district: null, lat: null, lon: null }));
    expect(item).toMatchObject({ street: '', houseNumber: '', addressRaw: '', orgId: null, orgName: null, houseId: null, district: null, lat: null });
  });

  it('rejects payloads that are not processed mentions', () => {
    expect(feedItemFromProcessed(null as never)).toBeNull();
    expect(feedItemFromProcessed({ id: 1 } as never)).toBeNull();
    expect(feedItemFromProcessed({ id: 'x', text: 'y' } as never)).toBeNull();
  });
});
