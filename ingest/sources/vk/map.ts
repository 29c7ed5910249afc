// Pure mapping of VK Callback API events to raw mentions. VK sends unix seconds,
// `geo.coordinates` as the string "lat lon", and comments with `post_owner_id`.
import type { RawMention } from '../../../shared/types/mention.js';

export type VkMapResult = { mention: RawMention } | { skip: string };

interface VkEvent {
  type?: unknown;
  object?: Record<string, unknown>;
  group_id?: unknown;
}

const TEXT_EVENTS = new Set(['wall_post_new', 'wall_reply_new', 'wall_reply_edit', 'wall_reply_restore', 'board_post_new', 'board_post_edit']);

export function mapVkEvent(ev: VkEvent): VkMapResult {
  const type = typeof ev.type === 'string' ? ev.type : '';
  if (!TEXT_EVENTS.has(type)) return { skip: `event type "${type || '?'}" carries no resident text` };
  const o = ev.object ?? {};
  const text = typeof o.text === 'string' ? o.text.trim() : '';
  if (!text) return { skip: 'empty text (attachment only)' };
  const owner = num(o.owner_id) ?? num(o.post_owner_id) ?? (num(ev.group_id) !== undefined ? -num(ev.group_id)! : undefined);
  const id = num(o.id);
  const date = num(o.date);
  if (owner === undefined || id === undefined || date === undefined) return { skip: 'missing owner_id, id or date' };
  const isReply = type.startsWith('wall_reply');
  const isBoard = type.startsWith('board_');
  const postId = num(o.post_id);
  // Native ids are unique per wall: a post and a comment never share an id on one wall.
  const native = isBoard ? `${owner}_t${num(o.topic_id) ?? 0}_${id}` : `${owner}_${id}`;
  const url = isReply && postId !== undefined ? `https://vk.com/wall${owner}_${postId}?reply=${id}` : isBoard ? '' : `https://vk.com/wall${owner}_${id}`;
  const m: RawMention = {
    id: `vk:${native}`,
    source: 'vk',
    channel: `vk:${owner}`,
    author: String(num(o.from_id) ?? num(o.signer_id) ?? ''),
    text,
    ts: new Date(date * 1000).toISOString(),
    ...(url ? { url } : {}),
    // The thread a reply goes into: the post for a post, the post + comment for a comment.
    replyTo: isReply && postId !== undefined ? `${owner}_${postId}:${id}` : `${owner}_${id}`,
  };
  const geo = o.geo as { coordinates?: unknown } | undefined;
  if (geo && typeof geo.coordinates === 'string') {
    const [lat, lon] = geo.coordinates.split(/\s+/).map(Number);
    if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180) {
      m.lat = lat;
      m.lon = lon;
    }
  }
  return { mention: m };
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
