/** Anchoring the audit chain heads outside the database, and checking an export against them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { entryHash, GENESIS_HASH, readAudit, type AuditEntry } from './audit';
import { fileSink, readHeads, startAnchoring, verifyAnchors, type AuditAnchor } from './anchor';
import { envelope, startTestServer, TENANT_A, TENANT_B, type TestServer } from './testing/harness';
import { verifyAuditFiles } from './verify-audit';

let s: TestServer;
let dir: string;
beforeAll(async () => {
  s = await startTestServer();
  dir = await mkdtemp(path.join(tmpdir(), 'werkplan-anchor-'));
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

async function create(id: string) {
  const alice = await s.token(TENANT_A, 'alice');
  const res = await s.call('PUT', `/v1/projects/${id}`, {
    token: alice,
    body: { envelope: envelope() },
    headers: { 'if-none-match': '*' },
  });
  expect(res.status).toBe(201);
}
const chainOf = (tenant: string) => s.db.tenant(tenant, (sql) => readAudit(sql, tenant));
const lines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditAnchor);

/** What someone with write access to the database could do: change an entry and rehash the rest. */
function rewrite(entries: AuditEntry[], n: number): AuditEntry[] {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const partial = { ...e, prevHash: prev, details: e.n === n ? '{"forged":true}' : e.details };
    const { hash: _old, ...rest } = partial;
    void _old;
    const hash = entryHash(rest);
    prev = hash;
    return { ...rest, hash };
  });
}

describe('audit anchoring', () => {
  it('publishes each tenant head once per change, to every sink, matching the chain', async () => {
    await create('p-anchor-1');
    const file = path.join(dir, 'anchors-1.ndjson');
    const logged: AuditAnchor[][] = [];
    const errors: unknown[] = [];
    const anchoring = startAnchoring({
      db: s.db,
      tenantIds: [TENANT_A, TENANT_B],
      interval_s: 3600,
      sinks: [fileSink(file), async (a) => void logged.push(a)],
      onError: (e) => errors.push(e),
    });
    await anchoring.anchorNow();
    const chainA = await chainOf(TENANT_A);
    const first = await lines(file);
    // TENANT_B has no audit entries yet: no head, nothing to anchor.
    expect(first.map((a) => [a.tenantId, a.n, a.hash])).toEqual([
      [TENANT_A, chainA.at(-1)!.n, chainA.at(-1)!.hash],
    ]);
    expect(await anchoring.anchorNow()).toEqual([]);
    await create('p-anchor-2');
    const moved = await anchoring.anchorNow();
    const chainA2 = await chainOf(TENANT_A);
    expect(moved).toHaveLength(1);
    expect(moved[0].n).toBe(chainA2.at(-1)!.n);
    expect(moved[0].n).toBeGreaterThan(first[0].n);
    await anchoring.stop();
    expect(await lines(file)).toHaveLength(2);
    expect(logged.flat().map((a) => a.n)).toEqual((await lines(file)).map((a) => a.n));
    expect(errors).toEqual([]);
  });

  it('keeps running when a sink fails and publishes the head at the next tick', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const got: AuditAnchor[] = [];
    const anchoring = startAnchoring({
      db: s.db,
      tenantIds: [TENANT_A],
      interval_s: 3600,
      sinks: [
        async (a) => {
          if (fail) throw new Error('storage unavailable');
          got.push(...a);
        },
      ],
      onError: (e) => errors.push(e),
    });
    expect(await anchoring.anchorNow()).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    fail = false;
    const published = await anchoring.anchorNow();
    expect(published).toHaveLength(1);
    expect(got).toEqual(published);
    await anchoring.stop();
  });

  it('an export passes the chain and anchor check; a cut-off or rehashed export fails the anchors', async () => {
    await create('p-anchor-3');
    const [head] = await readHeads(s.db, [TENANT_A]);
    const anchors = path.join(dir, 'anchors-3.ndjson');
    await fileSink(anchors)([head]);
    // A log line from the server's JSON log counts as an anchor file too.
    await writeFile(
      path.join(dir, 'server-log.ndjson'),
      JSON.stringify({ level: 30, msg: 'request completed' }) +
        '\n' +
        JSON.stringify({ level: 30, msg: 'audit.anchor', ...head }) +
        '\n',
    );
    await create('p-anchor-4'); // entries after the anchor are fine
    const admin = await s.token(TENANT_A, 'admin');
    const res = await s.call('GET', '/v1/admin/audit/export', { token: admin });
    expect(res.headers.get('x-audit-chain')).toBe('verified');
    const exported = path.join(dir, 'export.ndjson');
    const text = await res.text();
    await writeFile(exported, text);
    const entries = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(entries.length).toBeGreaterThan(head.n);

    expect(await verifyAuditFiles(exported, anchors)).toEqual({
      code: 0,
      lines: [`chain verified: ${entries.length} entries`, `anchors verified: 1 of 1 for tenant ${TENANT_A}`],
    });
    expect((await verifyAuditFiles(exported, path.join(dir, 'server-log.ndjson'))).code).toBe(0);

    const cut = entries.filter((e) => e.n < head.n);
    expect(verifyAnchors(cut, [head])).toMatchObject({ ok: false, n: head.n, problem: 'missing' });
    const cutFile = path.join(dir, 'cut.ndjson');
    await writeFile(cutFile, cut.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const cutCheck = await verifyAuditFiles(cutFile, anchors);
    expect(cutCheck.code).toBe(1);
    expect(cutCheck.lines.join('\n')).toMatch(/chain verified.*\n.*anchored entry \d+ .* is missing/);

    const forged = rewrite(entries, 2);
    expect(verifyAnchors(forged, [head])).toMatchObject({ ok: false, n: head.n, problem: 'hash-differs' });
    const forgedFile = path.join(dir, 'forged.ndjson');
    await writeFile(forgedFile, forged.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect((await verifyAuditFiles(forgedFile)).code).toBe(0); // the chain alone cannot tell
    expect((await verifyAuditFiles(forgedFile, anchors)).lines.at(-1)).toMatch(/differs from its anchor/);

    const tampered = entries.map((e) => (e.n === 2 ? { ...e, details: '{"x":1}' } : e));
    const tamperedFile = path.join(dir, 'tampered.ndjson');
    await writeFile(tamperedFile, tampered.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect(await verifyAuditFiles(tamperedFile)).toEqual({ code: 1, lines: ['chain broken at entry 2'] });

    const run = promisify(execFile);
    const cli = ['--import', 'tsx', 'server/src/verify-audit.ts'];
    const ok = await run(process.execPath, [...cli, exported, anchors]);
    expect(ok.stdout).toContain('anchors verified');
    await expect(run(process.execPath, [...cli, cutFile, anchors])).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [...cli, path.join(dir, 'nope.ndjson')])).rejects.toMatchObject({
      code: 2,
    });
  });
});
