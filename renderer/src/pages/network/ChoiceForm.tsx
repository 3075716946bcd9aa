import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkInput } from '../../../../solver/src';
import {
  setStreetState,
  streetState,
  toggleBuilding,
  type NetworkOverrides,
  type StreetState,
} from './networkEdits';

/**
 * The keyboard's way to the map's clicks: a street or building named by its id (suggested from the
 * input), then force, forbid or free the street, exclude or include the building.
 */
export function ChoiceForm({
  input,
  params,
  edit,
}: {
  input: NetworkInput;
  params: NetworkOverrides | undefined;
  edit: (change: (p: NetworkOverrides | undefined) => NetworkOverrides) => void;
}) {
  const { t } = useTranslation();
  const [street, setStreet] = useState('');
  const [building, setBuilding] = useState('');
  const knownStreet = input.streets.some((s) => s.id === street);
  const knownBuilding = input.buildings.some((b) => b.id === building);
  const excluded = (params?.excludedBuildings ?? []).includes(building);
  const stateButton = (state: StreetState, label: string) => (
    <button
      type="button"
      disabled={!knownStreet || streetState(params, street) === state}
      onClick={() => edit((p) => setStreetState(p, street, state))}
    >
      {label}
    </button>
  );
  return (
    <div className="network-choice-form" data-testid="network-choice-form">
      <div className="field-row">
        <label htmlFor="network-street">{t('network.choice.street')}</label>
        <input
          id="network-street"
          list="network-street-ids"
          value={street}
          onChange={(e) => setStreet(e.target.value)}
        />
        <datalist id="network-street-ids">
          {input.streets.slice(0, 2000).map((s) => (
            <option key={s.id} value={s.id} />
          ))}
        </datalist>
        {stateButton('forced', t('network.choice.force'))}
        {stateButton('forbidden', t('network.choice.forbid'))}
        {stateButton('neutral', t('network.choice.free'))}
      </div>
      <div className="field-row">
        <label htmlFor="network-building">{t('network.choice.building')}</label>
        <input
          id="network-building"
          list="network-building-ids"
          value={building}
          onChange={(e) => setBuilding(e.target.value)}
        />
        <datalist id="network-building-ids">
          {input.buildings.slice(0, 2000).map((b) => (
            <option key={b.id} value={b.id} />
          ))}
        </datalist>
        <button
          type="button"
          disabled={!knownBuilding}
          onClick={() => edit((p) => toggleBuilding(p, building))}
        >
          {excluded ? t('network.choice.include') : t('network.choice.exclude')}
        </button>
      </div>
    </div>
  );
}
