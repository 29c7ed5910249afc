// GET /api/cases/orgs?q= — organisations to reassign a case to (name search in the registry).
import { json, type RequestHandler } from '@sveltejs/kit';
import { getApp } from '$lib/server/context.js';
import { casesDeps } from '$lib/server/cases/deps.js';

export const GET: RequestHandler = async ({ url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().toLowerCase().replace(/ё/g, 'е');
  const deps = await casesDeps(getApp());
  const items = deps.directory.orgs
    .filter((o) => !q || o.name.toLowerCase().replace(/ё/g, 'е').includes(q) || o.id === q)
    .slice(0, 30)
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind }));
  return json({ items });
};
