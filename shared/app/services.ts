// Which services run under which role. Order matters: consumers before sources,
// so nothing published at start waits for a consumer; web last.
import type { StartService } from './context.js';
import type { Role } from '../config/env.js';
import { startDeadLetterWorker } from '../../ingest/workers/deadletter.worker.js';
import { startProcessWorker } from '../../ingest/workers/mentions.process.worker.js';
import { startDemoSource } from '../../ingest/sources/demo/demo.source.js';
import { startWeb } from '../../web/server.js';
import { startCasesWorker } from '../../ingest/workers/cases.worker.js';
import { startHotspotWorker } from '../../ingest/workers/hotspots.worker.js';
import { startDemoOperator } from '../../ingest/workers/demo-operator.js';

export const SERVICES: [role: Role, starters: StartService[]][] = [
  ['worker', [startDeadLetterWorker, startProcessWorker]],
  ['cases', [startCasesWorker]],
  ['hotspots', [(ctx) => startHotspotWorker(ctx)]],
  // The demo operator plays organisations and residents on demo cases (only with DEMO=on).
  ['sources', [(ctx) => startDemoOperator(ctx), startDemoSource]],
  ['web', [startWeb]],
];
