import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { i18next, initI18n } from '../../i18n';
import { db } from '../../db/schema';
import { createBlankProject } from '../../project/files';
import { useProject } from '../../project/store';
import { useApp } from '../../store/app';
import { BaseEditor } from './testing';
import { TimeStepField } from './TimeStepField';

const Field = () => (
  <BaseEditor>
    <TimeStepField />
  </BaseEditor>
);

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  const p = await createBlankProject(db(), 'Zeitschritt');
  await useProject.getState().load(db(), p.id);
});
afterEach(async () => {
  cleanup();
  await useProject.getState().load(db(), null);
});

async function show(language: 'de' | 'en') {
  useApp.setState({ language });
  await i18next.changeLanguage(language);
  render(<Field />);
  return screen.getByTestId<HTMLSelectElement>('site-time-step');
}

describe('the model time step in the site form', () => {
  it('offers 1 hour (stored as absent) and 15 minutes, in German', async () => {
    const select = await show('de');
    expect(screen.getByLabelText('Zeitschritt des Modells')).toBe(select);
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      '1 Stunde (Standard)',
      '15 Minuten',
    ]);
    expect(select.value).toBe('60');
    fireEvent.change(select, { target: { value: '15' } });
    await waitFor(() => expect(useProject.getState().doc?.site.timeStep_min).toBe(15));
    fireEvent.change(select, { target: { value: '60' } });
    await waitFor(() => expect(useProject.getState().doc?.site).not.toHaveProperty('timeStep_min'));
  });

  it('reads the same in English', async () => {
    const select = await show('en');
    expect(screen.getByLabelText('Model time step')).toBe(select);
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['1 hour (default)', '15 minutes']);
    expect(screen.getByText(/35,040 quarter hours/)).toBeTruthy();
  });
});
