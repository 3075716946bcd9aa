import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import type { DesignedPipe, NetworkDesign, NetworkInput } from '../../../../solver/src';
import { mapFit, NetworkMap } from './NetworkMap';
import { fixtureDesign } from './testFixture';

beforeAll(async () => {
  await initI18n('de');
});

/** A town of 50 × 100 buildings on 51 east–west streets 40 m apart, a house connection each. */
function town(): { input: NetworkInput; design: NetworkDesign } {
  const input: NetworkInput = {
    epsg: 25832,
    buildings: [],
    streets: [],
    plants: [{ id: 'p', at: { x_m: 0, y_m: 0 } }],
  };
  const pipes: DesignedPipe[] = [];
  const base = fixtureDesign().pipes[0];
  for (let r = 0; r <= 50; r++)
    input.streets.push({
      id: `s${r}`,
      points: [
        { x_m: 0, y_m: r * 40 },
        { x_m: 2000, y_m: r * 40 },
      ],
    });
  for (let r = 0; r < 50; r++)
    for (let c = 0; c < 100; c++) {
      const at = { x_m: 10 + c * 20, y_m: r * 40 + 15 };
      input.buildings.push({ id: `b${r}-${c}`, at, heat_MWh_a: 20 });
      pipes.push({
        ...base,
        id: `c${r}-${c}`,
        kind: 'connection',
        dn: 20 + (c % 3) * 5,
        points: [at, { x_m: at.x_m, y_m: r * 40 }],
      });
    }
  input.streets.forEach((s, i) =>
    pipes.push({ ...base, id: `t${i}`, dn: 50 + 10 * (i % 5), points: s.points }),
  );
  return {
    input,
    design: { ...fixtureDesign(), pipes, served: input.buildings.map((b) => b.id), excluded: [] },
  };
}

describe('the network map with 5,000 buildings', () => {
  it('draws one path per DN class and kind, and finds the pipe under the pointer quickly', () => {
    const { input, design } = town();
    const t0 = performance.now();
    render(
      <NetworkMap
        input={input}
        design={design}
        params={undefined}
        onStreet={() => {}}
        onBuilding={() => {}}
      />,
    );
    const drawn = performance.now() - t0;
    // 3 connection and 5 trunk classes, 3 street states, 3 building layers
    expect(screen.getByTestId('network-map').querySelectorAll('path')).toHaveLength(8 + 3 + 3);
    expect(screen.getByTestId('map-buildings').getAttribute('d')!.match(/h0/g)).toHaveLength(5000);
    const fit = mapFit(input, design);
    const t1 = performance.now();
    for (let i = 0; i < 100; i++)
      fireEvent.mouseMove(screen.getByTestId('network-map'), {
        clientX: fit.x(10 + i * 20),
        clientY: fit.y(40 * 7 + 8),
      });
    const hovered = performance.now() - t1;
    expect(screen.getByTestId('pipe-details').textContent).toContain('Hausanschluss c7-99');
    // generous bounds for a shared test machine; in a browser both are a fraction of this
    expect(drawn).toBeLessThan(5000);
    expect(hovered / 100).toBeLessThan(50);
  });
});
