/**
 * Heat network design (issue #17): the shared types of solver/src/network. Lengths in metres, planar
 * coordinates in metres in an ETRS89 / UTM zone (EPSG:25832 or 25833); temperatures in °C.
 */

/** A planar point in metres (ETRS89 / UTM). */
export interface Point_m {
  x_m: number;
  y_m: number;
}

/** One row of the pipe catalogue (one nominal size of one pipe series). */
export interface PipeType {
  /** Nominal diameter, e.g. 100 for DN100. */
  dn: number;
  innerDiameter_m: number;
  /** Outer diameter of the casing (for the soil resistance). */
  casingDiameter_m: number;
  insulationClass: 1 | 2 | 3;
  /** Heat loss per metre of one pipe and kelvin between medium and undisturbed soil. */
  heatLossCoefficient_W_mK: number;
  /** Investment per metre of trench with supply and return pipe, trench and surface included. */
  cost_EUR_m: number;
  /** Where the figures come from, with date, or "Annahme". */
  source: string;
}

export interface NetworkParams {
  supplyTemperature_C: number;
  returnTemperature_C: number;
  /**
   * Transformation paths: year → temperature from that year on. The pipes are sized once for the
   * smallest spread along the path; losses and pumps follow each period's temperatures.
   */
  supplyTemperaturePath_C?: Record<string, number>;
  returnTemperaturePath_C?: Record<string, number>;
  /** Undisturbed soil temperature at pipe depth, annual mean. */
  soilTemperature_C: number;
  /** Amplitude of the soil temperature's annual swing at pipe depth (0: constant). */
  soilTemperatureAmplitude_K: number;
  coverDepth_m: number;
  soilConductivity_W_mK: number;
  /** Sizing limit on the pressure gradient of every pipe. */
  maxPressureGradient_Pa_m: number;
  maxVelocity_m_s: number;
  /** Absolute wall roughness (Colebrook–White / Swamee–Jain). */
  roughness_mm: number;
  /** Pump and motor efficiency for the pump electricity. */
  pumpEfficiency: number;
  /** House connection: straight line from the building to its street, plus this allowance per building. */
  houseConnectionExtra_m: number;
  /** Buildings farther than this from every street get a located error. */
  maxHouseConnection_m: number;
  /** Full-load hours used for a building's peak when it gives none (peak = heat / hours). */
  fullLoadHours_h: number;
  pipes: PipeType[];
  /** Street segment ids the trunk must use, must not use; building ids to leave out. */
  forcedStreets: string[];
  forbiddenStreets: string[];
  excludedBuildings: string[];
  /** Where each default comes from (field → note). */
  sources: Record<string, string>;
}

export interface Building {
  id: string;
  /** Where it is: the point, or the centroid of its polygon. */
  at: Point_m;
  heat_MWh_a: number;
  peak_kW?: number;
}

export interface Street {
  id: string;
  points: Point_m[];
}

export interface NetworkInput {
  /** EPSG code of the planar coordinates (25832 or 25833); WGS84 input is projected. */
  epsg: number;
  /** EPSG code the file gave its coordinates in (4326 for WGS84); outputs are written in it. */
  inputEpsg?: number;
  buildings: Building[];
  streets: Street[];
  plants: { id: string; at: Point_m }[];
}

/** An undirected edge of the street graph (a piece of one street between two nodes). */
export interface GraphEdge {
  id: number;
  a: number;
  b: number;
  length_m: number;
  /** The street it belongs to (for force/forbid) or 'connection:<building id>' for a house connection. */
  streetId: string;
  /** The polyline from node a to node b. */
  points: Point_m[];
}

export interface StreetGraph {
  nodes: Point_m[];
  edges: GraphEdge[];
  /** Node of each building's connection point on its street (building id → node). */
  buildingNode: Map<string, number>;
  /** Node of each plant (plant id → node). */
  plantNode: Map<string, number>;
}

/** The routed network: a tree over graph edges, rooted at the plant(s). */
export interface RoutedNetwork {
  /** Edge ids of the trunk (street pipes), each with its downstream end. */
  trunk: { edge: number; from: number; to: number }[];
  /** Buildings served (ids) and their house connections. */
  connections: { buildingId: string; node: number; points: Point_m[]; length_m: number }[];
}

/** One sized pipe of the designed network (the contract of network.geojson's properties). */
export interface DesignedPipe {
  id: string;
  kind: 'trunk' | 'connection';
  points: Point_m[];
  dn: number;
  innerDiameter_m: number;
  length_m: number;
  designFlow_kg_s: number;
  velocity_m_s: number;
  pressureGradient_Pa_m: number;
  heatLossCoefficient_W_mK: number;
  cost_EUR: number;
  /** Buildings downstream (for the simultaneity factor). */
  buildingsDownstream: number;
}

/** summary.json of `werkplan network design` (a contract; field names fixed by issue #17). */
export interface NetworkSummary {
  buildings: number;
  trunkLength_m: number;
  connectionLength_m: number;
  investment_EUR: number;
  heatDelivered_MWh_a: number;
  heatLoss_MWh_a: number;
  heatLossShare: number;
  pumpElectricity_MWh_a: number;
  plantPeak_kW: number;
  linearHeatDensity_MWh_m_a: number;
}

/** A located problem with the network input (the message is built from the code, in the user's language). */
export interface NetworkIssue {
  code:
    | 'notFeatureCollection'
    | 'unknownCrs'
    | 'badGeometry'
    | 'openRing'
    | 'selfIntersection'
    | 'missingHeat'
    | 'duplicateId'
    | 'noPlant'
    | 'noStreets'
    | 'noBuildings'
    | 'buildingFarFromStreet'
    | 'disconnectedStreets'
    | 'noPipeLargeEnough'
    | 'csvColumns'
    | 'csvValue'
    | 'flatDemandShape'
    | 'temperatures'
    | 'plantFarFromStreet';
  /** Where: feature index and id, or CSV line. */
  feature?: number;
  id?: string;
  line?: number;
  /** Figures for the message (distance in m, DN, flow …). */
  values?: Record<string, string | number>;
  severity: 'error' | 'warning';
}

/** The result of designing a network. */
export interface NetworkDesign {
  epsg: number;
  pipes: DesignedPipe[];
  summary: NetworkSummary;
  /** Hourly heat losses of supply and return (kW), one value per hour of the site year. */
  lossesHourly_kW: Float64Array;
  /** Hourly pump electricity (kW). */
  pumpHourly_kW: Float64Array;
  /** Hourly heat the plant must feed in: buildings' demand plus losses (kW). */
  plantHourly_kW: Float64Array;
  /** Buildings served and those left out (excluded by the user or unreachable). */
  served: string[];
  excluded: string[];
  issues: NetworkIssue[];
  /** Seconds spent routing and sizing. */
  seconds: number;
}
