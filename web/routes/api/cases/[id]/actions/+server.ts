// POST /api/cases/:id/actions {action, comment, orgId?, mentionId?, actor?}
// accept | reply | resolve | reassign | confirm | reject | close | reopen | exclude_mention.
// An illegal move answers 409 with the Russian + English reason.
import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/context.js';
import { casesDeps } from '$lib/server/cases/deps.js';
import { ACTIONS, ActionInputError, actionDrafts } from '$analytics/cases/actions.js';
import { CaseTransitionError } from '$analytics/cases/lifecycle.js';
import { appendToCase } from '$analytics/queries/cases/case-commands.js';
import { linkMentions, getCaseMentions } from '$analytics/queries/cases/link-mentions.js';
import { summaryFromView } from '$analytics/queries/cases/case-rows.js';

const Body = z.object({
  action: z.enum(ACTIONS),
  comment: z.string().max(4000).default(''),
  orgId: z.string().max(100).optional(),
  mentionId: z.string().max(300).optional(),
  actor: z.string().trim().max(200).default('оператор'),
});

export const POST: RequestHandler = async ({ params, request }) => {
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) error(400, `Неверный запрос / bad request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const b = parsed.data;
  const ctx = getApp();
  const deps = await casesDeps(ctx);
  const actor = b.action === 'confirm' || b.action === 'reject' ? `житель (со слов: ${b.actor || 'оператор'})` : `оператор: ${b.actor || 'без имени'}`;
  try {
    const r = await appendToCase(deps, params.id ?? '', (view) => actionDrafts(view, { ...b, actor }, deps.directory.org));
    if (!r.view) error(404, 'Обращение не найдено');
    if (b.action === 'exclude_mention' && b.mentionId) {
      const m = (await getCaseMentions(ctx.store, r.view.id)).find((x) => x.mentionId === b.mentionId);
      if (m) await linkMentions(ctx.store, [{ ...m, excluded: true }], Date.now());
    }
    return json({ case: summaryFromView(r.view), appended: r.appended });
  } catch (e) {
    if (e instanceof CaseTransitionError) return json({ error: e.message, code: e.code }, { status: 409 });
    if (e instanceof ActionInputError) return json({ error: e.message, code: e.code }, { status: e.message.startsWith('Обращение не найдено') ? 404 : 400 });
    throw e;
  }
};
