import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { cleanEndShare, ParetoRunGroup } from './ParetoRunGroup';

beforeAll(async () => {
  await initI18n('de');
});

const group = (cleanEnd: string) => (
  <ParetoRunGroup
    name="Basis"
    paretoPoints="5"
    onPoints={() => undefined}
    pointsOk
    cleanEnd={cleanEnd}
    onCleanEnd={() => undefined}
    busy={false}
    blocked={false}
    blockedBy={undefined}
    onStart={() => undefined}
    stored={undefined}
  />
);

describe('the front’s clean-end tolerance', () => {
  it('reads percent of the CO2 range, with a decimal comma or point, from 0 to 50', () => {
    expect(cleanEndShare('0')).toBe(0);
    expect(cleanEndShare('1')).toBe(0.01);
    expect(cleanEndShare(' 2,5 ')).toBe(0.025);
    expect(cleanEndShare('50')).toBe(0.5);
    for (const bad of ['', 'x', '-1', '50.1', '1e3']) expect(cleanEndShare(bad)).toBeNull();
  });

  it('explains the tolerance, and refuses a wrong one in words with the start disabled', () => {
    const { unmount } = render(group('1'));
    expect(screen.getByLabelText('Toleranz am CO₂-Minimum (% der CO₂-Spanne)')).toHaveProperty('value', '1');
    expect(screen.getByText(/0 % ist das strenge CO₂-Minimum/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Front für „Basis“ berechnen' })).toHaveProperty(
      'disabled',
      false,
    );
    unmount();
    render(group('80'));
    expect(screen.getByRole('alert').textContent).toBe('Bitte eine Zahl von 0 bis 50 angeben.');
    expect(screen.getByRole('button', { name: 'Front für „Basis“ berechnen' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
