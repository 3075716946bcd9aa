/**
 * Physical units as branded number types. A `kW` is a number the type checker will not take where a
 * `kWh` (or a plain number) is expected, so power cannot be summed into energy, nor kilograms into
 * tonnes, without a conversion that says what it does: `kWh = kW × h` is {@link energy_kWh},
 * `MWh = kWh / 1000` is {@link toMWh}. Reading a branded value as a number is free, so the JSON
 * contracts (`power_kW: number` in results.json) keep their plain field types.
 *
 * Arithmetic on branded numbers gives plain numbers: adding two quantities goes through
 * {@link plus} or {@link total}, which only accept the same unit.
 */

declare const unit: unique symbol;

/** A number carrying a unit in its type (no cost at run time). */
export type Quantity<U extends string> = number & { readonly [unit]: U };

export type kW = Quantity<'kW'>;
export type kWh = Quantity<'kWh'>;
export type MWh = Quantity<'MWh'>;
/** Hours (a step's weight, full-load hours). */
export type h = Quantity<'h'>;
export type EUR = Quantity<'EUR'>;
export type kgCO2 = Quantity<'kgCO2'>;
export type tCO2 = Quantity<'tCO2'>;
/** A cost coefficient: EUR per unit of an LP column (EUR/kW of capacity, w·EUR/kWh on a kW flow). */
export type EURPerUnit = Quantity<'EUR/unit'>;
/** An emission coefficient: kg CO2 per unit of an LP column. */
export type kgCO2PerUnit = Quantity<'kgCO2/unit'>;
export type EURPerMWh = Quantity<'EUR/MWh'>;

/** Marks a number as a quantity in a unit: the one place where a plain number gets a unit. */
export const kW = (v: number) => v as kW;
export const kWh = (v: number) => v as kWh;
export const MWh = (v: number) => v as MWh;
export const hours = (v: number) => v as h;
export const EUR = (v: number) => v as EUR;
export const kgCO2 = (v: number) => v as kgCO2;
export const tCO2 = (v: number) => v as tCO2;
export const EURPerUnit = (v: number) => v as EURPerUnit;
export const kgCO2PerUnit = (v: number) => v as kgCO2PerUnit;
export const EURPerMWh = (v: number) => v as EURPerMWh;

/** The sum of two quantities of the same unit (the second may not widen the unit to a union). */
export const plus = <U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> =>
  (a + b) as Quantity<U>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** `unknown` for one unit; a list mixing units (e.g. kW and kWh) gets an impossible type instead. */
type OneUnit<U> = [U] extends [UnionToIntersection<U>] ? unknown : 'one unit only';

/** The sum of quantities of one unit (0 for none). */
export function total<U extends string>(values: Iterable<Quantity<U>> & OneUnit<U>): Quantity<U> {
  let s = 0;
  for (const v of values) s += v;
  return s as Quantity<U>;
}

/** A quantity times a dimensionless factor (a share, an efficiency). */
export const scaled = <U extends string>(q: Quantity<U>, factor: number): Quantity<U> =>
  (q * factor) as Quantity<U>;

/** kWh = kW × h. */
export const energy_kWh = (power: kW, duration: h): kWh => (power * duration) as kWh;
/** MWh = kWh / 1000. */
export const toMWh = (e: kWh): MWh => (e / 1000) as MWh;
/** kWh = MWh · 1000. */
export const fromMWh = (e: MWh): kWh => (e * 1000) as kWh;
/** t = kg / 1000. */
export const toTonnes = (m: kgCO2): tCO2 => (m / 1000) as tCO2;
/** Full-load hours: h = kWh / kW. */
export const fullLoad_h = (e: kWh, power: kW): h => (e / power) as h;
/** EUR = EUR per unit × units (a cost term's coefficient times its column's value). */
export const costOf = (coef: EURPerUnit, amount: number): EUR => (coef * amount) as EUR;
/** kg = kg per unit × units. */
export const emissionOf = (coef: kgCO2PerUnit, amount: number): kgCO2 => (coef * amount) as kgCO2;
/** A specific cost: EUR / MWh. */
export const perMWh = (cost: EUR, e: MWh): EURPerMWh => (cost / e) as EURPerMWh;
/** EUR = EUR/MWh × MWh. */
export const atPrice = (price: EURPerMWh, e: MWh): EUR => (price * e) as EUR;
/** The dimensionless ratio of two quantities of one unit (a share). */
export const ratio = <U extends string>(part: Quantity<U>, whole: Quantity<NoInfer<U>>): number =>
  part / whole;
