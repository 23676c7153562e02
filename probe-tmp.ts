import { createCentre, openStore, getVersionDocument, updateDraft } from './src/store/index.js';
import { saveRosterDraft } from './src/app/roster-drafts/store-drafts.js';
import { demoDraftInput } from './tests/store/roster-fixture.js';
import { sql } from 'kysely';
const input = await demoDraftInput(150);
const store = await openStore({ dataDir: '/tmp/store2/probe-' + Date.now() });
const c = await createCentre(store, { code: 'p' + Date.now(), name: 'p', timeZone: input.result.grid.timeZone }, { actor: 'x' });
const saved = await saveRosterDraft(store, c.id, input, { actor: 'x' });
const T = async (label: string, f: () => unknown) => { const t = performance.now(); const r = await f(); console.log(label, (performance.now() - t).toFixed(1)); return r; };
for (let i = 0; i < 3; i++) {
  const doc = (await T('getDoc', () => getVersionDocument(store, saved.version.id))) as Record<string, unknown>;
  await T('update jsonb only', () => store.db.updateTable('document_versions').set({ document: JSON.stringify(doc) as never }).where('id', '=', saved.version.id).execute());
  await T('select shifts', () => store.db.selectFrom('roster_shifts').selectAll().where('version_id', '=', saved.version.id).execute());
  await T('updateDraft same doc', () => updateDraft(store, saved.version.id, doc, { actor: 'x' }));
}
await store.close();
