import { create } from 'zustand';
import { db } from '../../db/schema';
import { assembleProject } from '../../project/assemble';
import {
  designNetwork,
  hourlyMeans,
  hoursInYear,
  NetworkInputError,
  networkParams,
  readNetworkCollection,
  type NetworkDesign,
  type NetworkIssue,
  type ProjectNetwork,
} from '../../../../solver/src';

/**
 * The last network design of the open project. It is not stored in the project: it is made again
 * from the project's network data whenever asked for, and kept here so it survives a page switch.
 */
interface DesignState {
  projectId: string | null;
  /** The network data the design was made from (networkKey), to tell a design that no longer fits. */
  key: string | null;
  design: NetworkDesign | null;
  /** The reader's notes on the stored data, when the design could not start. */
  issues: NetworkIssue[];
  busy: boolean;
  failed: boolean;
  run(projectId: string, network: ProjectNetwork): Promise<void>;
}

/** What a design depends on: the stored GeoJSON and the parameter overrides. */
export const networkKey = (network: ProjectNetwork | undefined): string =>
  network ? JSON.stringify(network) : '';

/** Lets the browser paint the busy state before the main thread is taken. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const useNetworkDesign = create<DesignState>((set, get) => ({
  projectId: null,
  key: null,
  design: null,
  issues: [],
  busy: false,
  failed: false,
  async run(projectId, network) {
    if (get().busy) return;
    set({ busy: true, failed: false, projectId, issues: [] });
    await nextFrame();
    const key = networkKey(network);
    try {
      const read = readNetworkCollection(network.geojson);
      if (!read.input || read.issues.some((i) => i.severity === 'error')) {
        set({ design: null, key, issues: read.issues, failed: true });
        return;
      }
      // The buildings' hourly shape is the project's heat demand, as when the plants are sized for it.
      const project = await assembleProject(db(), projectId).catch(() => null);
      const spec = project?.timeSeries[project.demands.heat];
      // (hourly: on a quarter-hourly site the hourly means, as the solver's withNetwork takes them)
      const demandShape =
        spec && 'values' in spec
          ? hourlyMeans(Float64Array.from(spec.values), hoursInYear(project.site.year, project.site.timeZone))
          : undefined;
      const design = designNetwork(read.input, networkParams(network.params), { demandShape });
      set({ design, key, issues: read.issues });
    } catch (e) {
      set({ design: null, key, failed: true, issues: e instanceof NetworkInputError ? e.issues : [] });
    } finally {
      set({ busy: false });
    }
  },
}));
