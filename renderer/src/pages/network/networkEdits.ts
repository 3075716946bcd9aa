import type { ProjectNetwork } from '../../../../solver/src';

/** The parameter overrides a project stores with its network (absent: all defaults). */
export type NetworkOverrides = NonNullable<ProjectNetwork['params']>;

export type StreetState = 'forced' | 'forbidden' | 'neutral';

export function streetState(params: NetworkOverrides | undefined, streetId: string): StreetState {
  if (params?.forcedStreets?.includes(streetId)) return 'forced';
  if (params?.forbiddenStreets?.includes(streetId)) return 'forbidden';
  return 'neutral';
}

const without = (list: string[] | undefined, id: string) => (list ?? []).filter((s) => s !== id);

/** Sets a list, leaving it out when empty (the project keeps only what differs from the defaults). */
function withList(params: NetworkOverrides, field: keyof NetworkOverrides, list: string[]): NetworkOverrides {
  const { [field]: _old, ...rest } = params;
  void _old;
  return list.length ? { ...rest, [field]: list } : rest;
}

/** Puts a street into the given state (forced, forbidden or neither). */
export function setStreetState(
  params: NetworkOverrides | undefined,
  streetId: string,
  state: StreetState,
): NetworkOverrides {
  let p = withList(params ?? {}, 'forcedStreets', without(params?.forcedStreets, streetId));
  p = withList(p, 'forbiddenStreets', without(params?.forbiddenStreets, streetId));
  if (state === 'forced') return withList(p, 'forcedStreets', [...(p.forcedStreets ?? []), streetId]);
  if (state === 'forbidden')
    return withList(p, 'forbiddenStreets', [...(p.forbiddenStreets ?? []), streetId]);
  return p;
}

const NEXT: Record<StreetState, StreetState> = {
  neutral: 'forced',
  forced: 'forbidden',
  forbidden: 'neutral',
};

/** One click on a street: neutral → forced → forbidden → neutral. */
export const cycleStreet = (params: NetworkOverrides | undefined, streetId: string): NetworkOverrides =>
  setStreetState(params, streetId, NEXT[streetState(params, streetId)]);

/** One click on a building: excluded ↔ included. */
export function toggleBuilding(params: NetworkOverrides | undefined, buildingId: string): NetworkOverrides {
  const list = params?.excludedBuildings ?? [];
  return withList(
    params ?? {},
    'excludedBuildings',
    list.includes(buildingId) ? without(list, buildingId) : [...list, buildingId],
  );
}
