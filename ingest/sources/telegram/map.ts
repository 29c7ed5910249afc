// Pure mapping of Telegram Bot API updates to raw mentions. An edited message keeps the
// id of the original, so the store keeps its latest text rather than a second mention.
import type { RawMention } from '../../../shared/types/mention.js';

export type TelegramMapResult = { mention: RawMention } | { skip: string };

interface TgMessage {
  message_id?: number;
  date?: number;
  edit_date?: number;
  text?: string;
  caption?: string;
  from?: { id?: number; is_bot?: boolean };
  chat?: { id?: number; type?: string; username?: string };
  location?: { latitude?: number; longitude?: number };
  message_thread_id?: number;
}

export function mapTelegramUpdate(update: Record<string, unknown>): TelegramMapResult {
  const msg = (update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post) as TgMessage | undefined;
  if (!msg) {
    const kind = Object.keys(update).find((k) => k !== 'update_id') ?? '?';
    return { skip: `update of kind "${kind}" carries no resident text` };
  }
  if (msg.from?.is_bot) return { skip: 'message from a bot' };
  const text = (msg.text ?? msg.caption ?? '').trim();
  if (!text) return { skip: 'no text or caption (sticker, voice, document…)' };
  const chat = msg.chat?.id;
  if (typeof chat !== 'number' || typeof msg.message_id !== 'number' || typeof msg.date !== 'number') {
    return { skip: 'missing chat.id, message_id or date' };
  }
  const m: RawMention = {
    id: `telegram:${chat}_${msg.message_id}`,
    source: 'telegram',
    channel: `telegram:${chat}`,
    author: msg.from?.id !== undefined ? String(msg.from.id) : '',
    text,
    ts: new Date(msg.date * 1000).toISOString(),
    replyTo: `${chat}:${msg.message_id}`,
  };
  if (msg.chat?.username) m.url = `https://t.me/${msg.chat.username}/${msg.message_id}`;
  const loc = msg.location;
  if (loc && typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
    m.lat = loc.latitude;
    m.lon = loc.longitude;
  }
  return { mention: m };
}
