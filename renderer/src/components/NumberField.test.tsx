import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { openDb, type WerkplanDb } from '../db/schema';
import { createBlankProject } from '../project/files';
import { useProject } from '../project/store';
import { useApp } from '../store/app';
import { EditorProvider, makeEditor, PField } from '../pages/plants/editor';
import { NumberField } from './NumberField';
import { UndoBar } from './UndoBar';

let db: WerkplanDb;
let n = 0;

beforeAll(async () => {
  await initI18n('de');
});
beforeEach(async () => {
  useApp.setState({ language: 'de' });
  db = openDb(`numberfield-test-${++n}`);
  const p = await createBlankProject(db, 'Nahwärme');
  await useProject.getState().load(db, p.id);
  await useProject.getState().edit((d) => {
    d.technologies.push({
      id: 'gb',
      type: 'boiler',
      name: 'Gaskessel',
      fuel: 'gas',
      efficiency: 0.95,
      capex_EUR_per_unit: 10000,
      lifetime_a: 20,
      fixedOm_share: 0.02,
    });
  });
});
afterEach(async () => {
  cleanup(); // before the document goes
  await useProject.getState().load(db, null);
  await db.delete();
});

/** The plants page in small: two fields bound to the document and the save status. */
function Page() {
  const doc = useProject((s) => s.doc)!;
  return (
    <EditorProvider editor={makeEditor(doc, null)}>
      <UndoBar />
      <PField
        ptr="/technologies/gb/capex_EUR_per_unit"
        label="Investition"
        unit="EUR/kW"
        min={0}
        max={50000}
        required
        testId="capex"
      />
      <PField ptr="/economics/interestRate" label="Kalkulationszins" unit="%" scale={100} min={0} max={30} />
    </EditorProvider>
  );
}

const type = async (input: HTMLElement, text: string) => {
  await act(async () => {
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: text } });
    fireEvent.blur(input);
  });
};

describe('number fields and the save status', () => {
  it('an invalid value is not saved, and the save status and the store say which field', async () => {
    render(<Page />);
    const status = screen.getByTestId('save-status');
    expect(status.textContent).toBe('Alle Änderungen gespeichert');
    const capex = screen.getByTestId('capex');
    for (const bad of ['abc', '-500', '60000']) {
      await type(capex, bad);
      expect(capex.getAttribute('aria-invalid')).toBe('true');
      expect(status.textContent).toBe('1 Eingabe ungültig, nicht gespeichert: Gaskessel: Investition');
      expect(useProject.getState().doc!.technologies[0].capex_EUR_per_unit).toBe(10000);
    }
    expect(screen.getByRole('alert').textContent).toBe('Höchstens 50.000.');
    expect(capex).toHaveProperty('value', '60000'); // what was typed stays to be corrected
    const rate = screen.getByLabelText(/Kalkulationszins/);
    await type(rate, '45');
    expect(status.textContent).toBe(
      '2 Eingaben ungültig, nicht gespeichert: Gaskessel: Investition, Kalkulationszins',
    );
    expect(Object.keys(useProject.getState().drafts)).toEqual([
      '/technologies/gb/capex_EUR_per_unit',
      '/economics/interestRate',
    ]);
    // corrected: saved, and nothing left over
    await type(capex, '12.500');
    await type(rate, '4,5');
    await act(() => useProject.getState().saved);
    expect(useProject.getState().drafts).toEqual({});
    expect(status.textContent).toBe('Alle Änderungen gespeichert');
    expect(useProject.getState().doc!.technologies[0].capex_EUR_per_unit).toBe(12500);
    expect(useProject.getState().doc!.economics.interestRate).toBe(0.045);
  });

  it('after a change of language the save status names the invalid field in the new language', async () => {
    render(<Page />);
    await type(screen.getByLabelText(/Kalkulationszins/), '45');
    expect(useProject.getState().drafts['/economics/interestRate'].error).toBe('Höchstens 30.');
    await act(async () => {
      await initI18n('en');
      useApp.setState({ language: 'en' });
    });
    expect(screen.getByTestId('save-status').textContent).toBe('1 invalid input, not saved: Interest rate');
    expect(useProject.getState().drafts['/economics/interestRate'].error).toBe('At most 30.');
    await act(async () => {
      await initI18n('de');
    });
  });

  it('a value typed but not yet applied is not reported as saved', async () => {
    render(<Page />);
    const capex = screen.getByTestId('capex');
    await act(async () => {
      fireEvent.focus(capex);
      fireEvent.change(capex, { target: { value: '9' } });
    });
    expect(screen.getByTestId('save-status').textContent).toBe(
      'Eingabe noch nicht übernommen: Gaskessel: Investition (Enter oder Feld verlassen)',
    );
    await act(async () => {
      fireEvent.keyDown(capex, { key: 'Enter' });
    });
    expect(screen.getByTestId('save-status').textContent).toBe('Alle Änderungen gespeichert');
  });

  it('an invalid value survives leaving the page and coming back', async () => {
    const view = render(<Page />);
    await type(screen.getByTestId('capex'), '-1');
    view.unmount();
    render(<Page />);
    expect(screen.getByTestId('capex')).toHaveProperty('value', '-1');
    expect(screen.getByTestId('capex').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows thousands separators when not focused and the plain number while editing', async () => {
    render(<Page />);
    const capex = screen.getByTestId('capex');
    expect(capex).toHaveProperty('value', '10.000');
    await act(async () => {
      fireEvent.focus(capex);
    });
    expect(capex).toHaveProperty('value', '10000');
    await act(async () => {
      fireEvent.blur(capex);
    });
    // focused by Tab: the plain number, all selected, so typing replaces it (not "10000" + typed)
    const input = capex as HTMLInputElement;
    await act(async () => {
      input.focus();
    });
    expect(input.value).toBe('10000');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 5]);
    await act(async () => {
      input.blur();
    });
    expect(capex).toHaveProperty('value', '10.000');
    act(() => useApp.setState({ language: 'en' }));
    expect(capex).toHaveProperty('value', '10,000');
  });

  it('a year is shown without grouping, and a label naming its unit gets no second one', () => {
    render(
      <>
        <NumberField label="Jahr" value={2025} grouping={false} onCommit={() => undefined} />
        <NumberField label="Leistung [kW]" unit="kW" value={1} onCommit={() => undefined} />
      </>,
    );
    expect(screen.getByLabelText('Jahr')).toHaveProperty('value', '2025');
    expect(screen.getByText('Leistung [kW]').textContent).toBe('Leistung [kW]');
  });
});
