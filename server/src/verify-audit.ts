/**
 * `npx tsx server/src/verify-audit.ts EXPORT.ndjson [ANCHORS.ndjson]`: checks an audit export
 * (GET /v1/admin/audit/export) offline: the hash chain from its first entry, and, given the anchor
 * file (AUDIT_ANCHOR_FILE, or the `audit.anchor` lines from the log), that every anchored head of
 * the export's tenant is still in it with the same hash. Exit 0 = intact, 1 = tampered, 2 = usage
 * or unreadable input. Runs without the server or database, so an auditor can use it on a copy.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { verifyChain, type AuditEntry } from './audit';
import { verifyAnchors, type AuditAnchor } from './anchor';

function parseNdjson<T>(text: string, file: string, check: (v: unknown) => v is T): T[] {
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON line`);
    }
    // Anchor lines from the server log carry the anchor in the log record's fields.
    if (check(v)) out.push(v);
    else if (!(typeof v === 'object' && v !== null && 'msg' in v))
      throw new Error(`${file}:${i + 1}: not an entry of the expected shape`);
  });
  return out;
}

const isEntry = (v: unknown): v is AuditEntry => {
  const e = v as AuditEntry;
  return typeof e === 'object' && e !== null && Number.isInteger(e.n) && typeof e.hash === 'string';
};
const isAnchor = (v: unknown): v is AuditAnchor => {
  const a = v as AuditAnchor;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.tenantId === 'string' &&
    Number.isInteger(a.n) &&
    typeof a.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(a.hash)
  );
};

export async function verifyAuditFiles(
  exportFile: string,
  anchorFile?: string,
): Promise<{ code: 0 | 1; lines: string[] }> {
  const entries = parseNdjson(await readFile(exportFile, 'utf8'), exportFile, isEntry);
  const lines: string[] = [];
  const tenants = new Set(entries.map((e) => e.tenantId));
  if (tenants.size > 1)
    throw new Error(`${exportFile}: entries of ${tenants.size} tenants; expected one export`);
  // After retention the export starts at the checkpoint: the first entry's prevHash is the hash of
  // the last pruned one (docs/security/retention.md); everything after it is checked in full.
  const first = entries[0];
  const start = first && first.n > 1 ? { n: first.n - 1, hash: first.prevHash } : null;
  const chain = verifyChain(entries, start);
  if (!chain.ok) return { code: 1, lines: [`chain broken at entry ${chain.brokenAt}`] };
  lines.push(
    start
      ? `chain verified: ${entries.length} entries from checkpoint ${start.n} (entries 1–${start.n} removed by retention)`
      : `chain verified: ${entries.length} entries`,
  );
  if (anchorFile) {
    const tenantId = [...tenants][0];
    const anchors = parseNdjson(await readFile(anchorFile, 'utf8'), anchorFile, isAnchor).filter(
      (a) => a.tenantId === tenantId,
    );
    const check = verifyAnchors(entries, anchors);
    if (!check.ok)
      return {
        code: 1,
        lines: [
          ...lines,
          check.problem === 'missing'
            ? `anchored entry ${check.n} (anchored ${check.anchor.at}) is missing: the log was cut off`
            : `entry ${check.n} differs from its anchor of ${check.anchor.at}: the log was rewritten`,
        ],
      };
    lines.push(`anchors verified: ${check.checked} of ${anchors.length} for tenant ${tenantId}`);
  }
  return { code: 0, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [exportFile, anchorFile] = process.argv.slice(2);
  if (!exportFile) {
    process.stderr.write('usage: verify-audit EXPORT.ndjson [ANCHORS.ndjson]\n');
    process.exit(2);
  }
  verifyAuditFiles(exportFile, anchorFile).then(
    (r) => {
      (r.code === 0 ? process.stdout : process.stderr).write(r.lines.join('\n') + '\n');
      process.exit(r.code);
    },
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    },
  );
}
