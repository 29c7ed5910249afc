// Processed mentions for tests of the feed: realistic defaults, override what the test is about.
import type { ProcessedMention } from '../../shared/types/mention.js';

let seq = 0;

export function processedMention(over: Partial<ProcessedMention> = {}): ProcessedMention {
  seq++;
  const now = new Date().toISOString();
  return {
    id: `demo:t${Date.now().toString(36)}-${seq}`,
    source: 'demo',
    channel: 'vk:-1000',
    authorHash: 'a1b2c3',
    text: `Опять нет горячей воды в доме, третий день подряд (${seq})`,
    ts: now,
    ingestedAt: now,
    url: '',
    category: 'hot_water',
    relevant: true,
    confidence: 0.9,
    urgency: 0.5,
    reasons: ['ключевые слова: горячей воды'],
    address: { street: 'ул. Типанова', house: '5', raw: 'Типанова 5' },
    houseId: 'spb:1',
    lat: 59.85,
    lon: 30.33,
    district: 'Московский район',
    organisation: { id: 'org:1', name: 'ООО «Жилкомсервис № 1»' },
    dupGroup: '',
    ...over,
  };
}
