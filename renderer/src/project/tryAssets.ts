import type { TryLoader } from '../../../solver/src';

/**
 * The DWD test reference years as the app serves them: Vite emits each packed file of
 * assets/weather/dwd-try as an asset (served from the repository in `npm run web`, copied into the
 * build), and only the one a project needs is fetched, when it is needed.
 */
const urls = import.meta.glob<string>('../../../assets/weather/dwd-try/*.txt.gz', {
  query: '?url',
  import: 'default',
});

const fetchAsset: TryLoader = async (fileName) => {
  const url = await urls[`../../../assets/weather/dwd-try/${fileName}`]?.();
  if (!url) throw new Error(`no DWD test reference year ${fileName} in the app`);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`cannot load ${fileName}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};

let loader: TryLoader = fetchAsset;

/** The loader of packed TRY files (tests read them from disk instead). */
export const tryLoader: TryLoader = (fileName) => loader(fileName);

export function setTryLoader(l: TryLoader | null): void {
  loader = l ?? fetchAsset;
}
