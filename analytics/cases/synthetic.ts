// A reproducible synthetic history of cases (events through the real state
// machine) for metric tests and the queue benchmark. Pure: seeded PRNG, no I/O.
import { computeDeadlines, type DeadlineTable } from './deadlines.js';
import type { Calendar } from './calendar.js';
import { decide, type CaseEvent, type CaseEventType, type CaseView } from './lifecycle.js';
import { mulberry32 } from '../../shared/random/mulberry32.js';


export interface SyntheticOptions {
  count: number;
  seed?: number;
  orgs: number;
  districts: string[];
  categories: string[];
  /** cases are opened in [from, to) */
  from: Date;
  to: Date;
  deadlines: { table: DeadlineTable; calendar: Calendar };
}

export interface SyntheticCase {
  view: CaseView;
  events: CaseEvent[];
}

const H = 3_600_000;

export function* syntheticCases(o: SyntheticOptions): Generator<SyntheticCase> {
  const rnd = mulberry32(o.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const exp = (meanMs: number) => -Math.log(1 - rnd()) * meanMs;
  const span = o.to.getTime() - o.from.getTime();
  for (let i = 0; i < o.count; i++) {
    const caseId = `s${i.toString(36).padStart(7, '0')}`;
    const opened = o.from.getTime() + Math.floor(rnd() * span);
    const category = pick(o.categories);
    const org = Math.floor(rnd() * rnd() * o.orgs); // a few big УК, many small ones
    const orgId = `org:synthetic-${org}`;
    const district = o.districts[org % o.districts.length];
    const houseId = `synthetic:${org}:${Math.floor(rnd() * 40)}`;
    const d = computeDeadlines(o.deadlines.table, o.deadlines.calendar, category, new Date(opened));
    let seq = 0;
    let view: CaseView | null = null;
    const events: CaseEvent[] = [];
    let t = opened;
    const now = o.to.getTime();
    // events after the end of the history have not happened yet: the case stops there
    let stopped = false;
    const add = (type: CaseEventType, atMs: number, extra: Partial<CaseEvent> = {}) => {
      if (stopped || (atMs > now && type !== 'opened')) {
        stopped = true;
        return;
      }
      t = Math.max(t, Math.floor(atMs));
      const e: CaseEvent = { id: `${caseId}:${type}:${seq + 1}`, caseId, seq: ++seq, at: new Date(t).toISOString(), type, actor: 'synthetic', comment: '', orgId: view?.orgId ?? '', payload: {}, ...extra };
      view = decide(view, e);
      events.push(e);
    };
    add('opened', opened, {
      payload: { category, houseId, district, address: `ул. Синтетическая, д. ${i % 200}`, title: 'Синтетическое обращение', source: pick(['vk', 'telegram', 'open311', 'dispatch']), firstResponseDue: d.firstResponseDue.toISOString(), resolutionDue: d.resolutionDue.toISOString(), mentionId: `synthetic:${i}` },
    });
    const r = rnd();
    if (r < 0.03) {
      add('unroutable', opened + 1000, { comment: 'дом не определён' });
    } else {
      add('routed', opened + 1000, { orgId, payload: { orgName: `УК Синтетическая № ${org}`, orgKind: 'uk' } });
    }
    const s = rnd();
    if (view!.state === 'routed' && s > 0.08) {
      add('accepted', opened + exp(0.5 * H));
      if (s > 0.15) {
        add('resolved', t + exp((d.resolutionDue.getTime() - opened) * 0.7), { comment: 'Выполнено', payload: { confirmVia: 'source' } });
        const c = rnd();
        if (c < 0.08) {
          add('rejected', t + exp(6 * H), { actor: 'resident', comment: 'Не решено' });
          add('resolved', t + exp(12 * H), { comment: 'Выполнено повторно' });
        }
        if (c < 0.02) add('dismissed', t + H);
        else if (rnd() < 0.7) {
          add('confirmed', t + exp(8 * H), { actor: 'resident' });
          add('closed', t + 1000);
        } else if (rnd() < 0.85) add('unconfirmed', t + 72 * H);
      }
    }
    yield { view: view!, events };
  }
}
