import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (p: string) => readFileSync(path.join(__dirname, '..', p), 'utf8');

describe('deployment manifests (issue #15)', () => {
  it('pins every base image of the server container by digest', () => {
    const froms = read('server/deploy/Dockerfile')
      .split('\n')
      .filter((l) => /^FROM\s/i.test(l));
    expect(froms.length).toBeGreaterThan(0);
    for (const line of froms) expect(line).toMatch(/^FROM \S+@sha256:[0-9a-f]{64}(\s+AS\s+\w+)?$/);
  });

  it('routes only the API port through the public ingress; metrics stay internal', () => {
    const app = read('server/deploy/containerapp.yaml');
    expect(app).toMatch(/ingress:\n\s+external: true\n\s+targetPort: 8080/);
    expect(app).toMatch(/additionalPortMappings:\n\s+- external: false\n\s+targetPort: 9464/);
    expect(app).toMatch(/name: METRICS_PORT\n\s+value: '9464'/);
    const k8s = read('server/deploy/k8s/sync.yaml');
    const ingress = k8s.slice(k8s.indexOf('kind: Ingress'));
    expect(ingress).toMatch(/service: \{ name: werkplan-sync, port: \{ number: 80 \} \}/);
    const publicService =
      /kind: Service\nmetadata:\n\s+name: werkplan-sync\n[\s\S]*?---/.exec(k8s)?.[0] ?? '';
    expect(publicService).toContain('targetPort: http');
    expect(publicService).not.toContain('9464');
    expect(k8s).toMatch(/name: werkplan-sync-metrics[\s\S]*type: ClusterIP/);
  });

  it('promises about deletion what PostgreSQL does: no "minutes", backups and crypto-shredding named', () => {
    const doc = read('docs/security/server.md');
    const erasure = doc.slice(doc.indexOf('## Erasure and what remains'), doc.indexOf('## Transport'));
    expect(erasure).not.toMatch(/reclaims them \(minutes\)|within minutes/);
    expect(erasure).toMatch(/VACUUM FULL/);
    expect(erasure).toMatch(/backup retention/);
    expect(erasure).toMatch(/crypto-shredding/i);
  });
});
