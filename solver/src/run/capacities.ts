import type { BuiltModel } from '../model/build';

/** The capacity columns of `full` (energy, then power where a plant has both), in model order. */
export function capacityColumns(full: BuiltModel): Int32Array {
  return Int32Array.from(
    full.ctx.capacities.flatMap((c) => (c.powerCol !== undefined ? [c.col, c.powerCol] : [c.col])),
  );
}

/** The technology of each entry of {@link capacityColumns} (a battery's id twice: energy, power). */
export function capacityTechIds(full: BuiltModel): string[] {
  return full.ctx.capacities.flatMap((c) => (c.powerCol !== undefined ? [c.techId, c.techId] : [c.techId]));
}

/** The typical-day sizing's capacities in the order of {@link capacityColumns} of `full`. */
export function sizedCapacities(full: BuiltModel, sizing: BuiltModel, x: Float64Array): Float64Array {
  const byId = new Map(sizing.ctx.capacities.map((c) => [c.techId, c]));
  return Float64Array.from(
    full.ctx.capacities.flatMap((c) => {
      const src = byId.get(c.techId)!;
      return c.powerCol !== undefined ? [x[src.col], x[src.powerCol!]] : [x[src.col]];
    }),
  );
}
