// The browser's typed Socket.IO connection (same origin as the page).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/types/live-events.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectLive(): LiveSocket {
  return io({
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}
