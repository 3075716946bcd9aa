import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (p: string) => readFileSync(path.join(__dirname, '..', p), 'utf8');

describe('batch deployment (werkplan batch on Kubernetes)', () => {
  it('builds on the server image’s base, pinned by digest, with tsx among the production dependencies', () => {
    const from = (file: string) =>
      read(file)
        .split('\n')
        .filter((l) => /^FROM\s/i.test(l))
        .map((l) => l.split(/\s+/)[1]);
    const batch = from('deploy/batch/Containerfile');
    expect(batch.length).toBe(2);
    for (const image of batch) expect(image).toMatch(/^node:22-\S+@sha256:[0-9a-f]{64}$/);
    expect(new Set([...batch, ...from('server/deploy/Dockerfile')]).size).toBe(1);
    expect(read('deploy/batch/Containerfile')).toContain('npm ci --omit=dev');
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.tsx).toBeDefined();
  });

  it('runs as many chunks as completions, from JOB_COMPLETION_INDEX, and merges in a second Job', () => {
    const k8s = read('deploy/k8s/batch-job.yaml');
    const [job, merge] = k8s.split(/\n---\n/).filter((d) => /kind: Job\b/.test(d));
    expect(job).toMatch(/completionMode: Indexed/);
    const completions = /completions: (\d+)/.exec(job)?.[1];
    expect(job).toContain(`--chunks, '${completions}'`);
    expect(job).toMatch(
      /args: \[batch, \/spec\/spec\.json, --chunks, '\d+', --workers, '\d+', --out, \/data\/out\]/,
    );
    expect(merge).toMatch(/suspend: true/);
    expect(merge).toContain('args: [batch, merge, /data/out]');
    expect(k8s).toMatch(/accessModes: \[ReadWriteMany\]/);
  });
});
