import { memo, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignedPipe, NetworkDesign, NetworkInput } from '../../../../solver/src';
import { useApp } from '../../store/app';
import { figure } from './format';
import { indexLines, nearestLine, nearestPoint } from './hitTest';
import {
  boundsOf,
  dnColours,
  dnWidth,
  dotsPath,
  fitBox,
  polylinesPath,
  scaleBar,
  type Fit,
} from './mapGeometry';
import { streetState, type NetworkOverrides } from './networkEdits';
import { PipeDetails } from './PipeDetails';

/** The drawing's size in SVG units (the element scales to the page's width). */
export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 560;
export const MAP_PAD = 24;
/** How near (drawing units) the pointer must be to a pipe, street or building. */
const TOLERANCE = 6;

export const MAP_COLOURS = {
  street: '#b8b8b8',
  forced: '#2e8b3e',
  forbidden: '#c0392b',
  building: '#333333',
  excluded: '#b0b0b0',
  unserved: '#e07a1f',
  plant: '#111111',
} as const;

/** The fit of everything drawn: streets, buildings, plants and the designed pipes. */
export function mapFit(input: NetworkInput, design: NetworkDesign | null): Fit {
  const box = boundsOf([
    ...input.streets.map((s) => s.points),
    input.buildings.map((b) => b.at),
    input.plants.map((p) => p.at),
    ...(design?.pipes.map((p) => p.points) ?? []),
  ]);
  return fitBox(box, MAP_WIDTH, MAP_HEIGHT, MAP_PAD);
}

interface LayerProps {
  input: NetworkInput;
  design: NetworkDesign | null;
  params: NetworkOverrides | undefined;
  fit: Fit;
  colours: Map<number, string>;
}

/** Everything but the hover highlight: one path per kind and per DN class (fast for thousands). */
const StaticLayers = memo(function StaticLayers({ input, design, params, fit, colours }: LayerProps) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const streets = (state: string) =>
    polylinesPath(
      input.streets.filter((s) => streetState(params, s.id) === state).map((s) => s.points),
      fit,
    );
  const excluded = new Set(params?.excludedBuildings ?? []);
  // left out by the design although not excluded by the user (too far from a street, unreachable)
  const served = design ? new Set(design.served) : null;
  const dots = (which: (id: string) => boolean) =>
    dotsPath(
      input.buildings.filter((b) => which(b.id)).map((b) => b.at),
      fit,
    );
  const bar = scaleBar(MAP_WIDTH, fit.scale);
  const plantSize = 12;
  return (
    <>
      <path d={streets('neutral')} stroke={MAP_COLOURS.street} strokeWidth={3} fill="none" />
      <path
        d={streets('forced')}
        stroke={MAP_COLOURS.forced}
        strokeWidth={5}
        strokeDasharray="8 5"
        fill="none"
        data-testid="map-forced"
      />
      <path
        d={streets('forbidden')}
        stroke={MAP_COLOURS.forbidden}
        strokeWidth={5}
        strokeDasharray="2 5"
        fill="none"
        data-testid="map-forbidden"
      />
      {[...colours].map(([dn, colour]) => (
        <path
          key={dn}
          className="network-pipes"
          data-dn={dn}
          d={polylinesPath(
            (design?.pipes ?? []).filter((p) => p.dn === dn).map((p) => p.points),
            fit,
          )}
          stroke={colour}
          strokeWidth={dnWidth(dn)}
          strokeLinecap="round"
          strokeLinejoin="round"
          fill="none"
        />
      ))}
      <path
        d={dots((id) => !excluded.has(id) && (!served || served.has(id)))}
        stroke={MAP_COLOURS.building}
        strokeWidth={6}
        strokeLinecap="round"
        data-testid="map-buildings"
      />
      <path
        d={dots((id) => !excluded.has(id) && !!served && !served.has(id))}
        stroke={MAP_COLOURS.unserved}
        strokeWidth={6}
        strokeLinecap="round"
        data-testid="map-unserved"
      />
      <path
        d={dots((id) => excluded.has(id))}
        stroke={MAP_COLOURS.excluded}
        strokeWidth={6}
        strokeLinecap="round"
        data-testid="map-excluded"
      />
      {input.plants.map((p) => (
        <rect
          key={p.id}
          data-testid="map-plant"
          x={fit.x(p.at.x_m) - plantSize / 2}
          y={fit.y(p.at.y_m) - plantSize / 2}
          width={plantSize}
          height={plantSize}
          fill={MAP_COLOURS.plant}
        />
      ))}
      <g className="scale-bar" aria-label={t('network.map.scale')} data-testid="map-scale">
        <line
          x1={MAP_PAD}
          x2={MAP_PAD + bar.length}
          y1={MAP_HEIGHT - 10}
          y2={MAP_HEIGHT - 10}
          stroke="#222"
          strokeWidth={2}
        />
        <text x={MAP_PAD} y={MAP_HEIGHT - 14} fontSize={12}>
          {`${figure(bar.metres, language, 0)} m`}
        </text>
      </g>
    </>
  );
});

/** Pointer position in drawing units (the SVG element keeps the drawing's aspect ratio). */
function drawingPoint(e: MouseEvent<SVGSVGElement>): [number, number] {
  const r = e.currentTarget.getBoundingClientRect();
  const s = r.width ? MAP_WIDTH / r.width : 1;
  return [(e.clientX - r.left) * s, (e.clientY - r.top) * s];
}

interface Props {
  input: NetworkInput;
  design: NetworkDesign | null;
  params: NetworkOverrides | undefined;
  onStreet: (id: string) => void;
  onBuilding: (id: string) => void;
}

/**
 * The network as a vector drawing (offline, no tiles): streets grey, pipes coloured and widened by
 * DN, buildings as dots, the plant as a square, a scale bar. Pointing at a pipe shows its figures;
 * a click on a street cycles force → forbid → free, on a building excludes or includes it.
 */
export function NetworkMap({ input, design, params, onStreet, onBuilding }: Props) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const fit = useMemo(() => mapFit(input, design), [input, design]);
  const colours = useMemo(() => dnColours(design?.pipes.map((p) => p.dn) ?? []), [design]);
  const pipes = useMemo(() => indexLines(design?.pipes.map((p) => p.points) ?? [], fit), [design, fit]);
  const streets = useMemo(
    () =>
      indexLines(
        input.streets.map((s) => s.points),
        fit,
      ),
    [input, fit],
  );
  const [hover, setHover] = useState<{ pipe: DesignedPipe | null; street: string | null } | null>(null);
  const move = (e: MouseEvent<SVGSVGElement>) => {
    const [x, y] = drawingPoint(e);
    const p = nearestLine(pipes, x, y, TOLERANCE);
    const s = nearestLine(streets, x, y, TOLERANCE);
    const next = {
      pipe: p === null ? null : (design?.pipes[p] ?? null),
      street: s === null ? null : input.streets[s].id,
    };
    if (next.pipe !== hover?.pipe || next.street !== hover?.street) setHover(next);
  };
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const [x, y] = drawingPoint(e);
    const b = nearestPoint(
      input.buildings.map((bb) => bb.at),
      fit,
      x,
      y,
      TOLERANCE,
    );
    if (b !== null) return onBuilding(input.buildings[b].id);
    const s = nearestLine(streets, x, y, TOLERANCE);
    if (s !== null) onStreet(input.streets[s].id);
  };
  return (
    <div className="network-map" data-testid="network-map-box">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={t('network.map.label')}
        data-testid="network-map"
        onMouseMove={move}
        onMouseLeave={() => setHover(null)}
        onClick={click}
      >
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} fill="#fbfbf8" />
        <StaticLayers input={input} design={design} params={params} fit={fit} colours={colours} />
        {hover?.pipe && (
          <path
            d={polylinesPath([hover.pipe.points], fit)}
            stroke="#00b4d8"
            strokeOpacity={0.6}
            strokeWidth={dnWidth(hover.pipe.dn) + 6}
            strokeLinecap="round"
            fill="none"
            pointerEvents="none"
            data-testid="map-hover"
          />
        )}
      </svg>
      <MapLegend colours={colours} />
      <PipeDetails pipe={hover?.pipe ?? null} language={language} />
      {hover?.street && (
        <p className="muted" data-testid="street-state">
          {t('network.streets.state', {
            id: hover.street,
            state: stateText(t, streetState(params, hover.street)),
          })}
        </p>
      )}
    </div>
  );
}

const stateText = (t: (k: string) => string, state: ReturnType<typeof streetState>) =>
  state === 'neutral' ? t('network.streets.neutral') : t(`network.map.${state}`);

/** DN → colour and line width, and the symbols of streets, buildings and the plant. */
function MapLegend({ colours }: { colours: Map<number, string> }) {
  const { t } = useTranslation();
  const swatch = (colour: string, width: number, dash?: string) => (
    <svg width={28} height={12} aria-hidden="true">
      <line x1={2} x2={26} y1={6} y2={6} stroke={colour} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
  return (
    <ul className="network-legend" aria-label={t('network.map.legend')} data-testid="map-legend">
      {[...colours].map(([dn, colour]) => (
        <li key={dn} data-dn={dn} data-colour={colour}>
          {swatch(colour, dnWidth(dn))} DN {dn}
        </li>
      ))}
      <li>
        {swatch(MAP_COLOURS.street, 3)} {t('network.map.street')}
      </li>
      <li>
        {swatch(MAP_COLOURS.forced, 4, '8 5')} {t('network.map.forced')}
      </li>
      <li>
        {swatch(MAP_COLOURS.forbidden, 4, '2 5')} {t('network.map.forbidden')}
      </li>
      <li>
        <span className="legend-dot" style={{ background: MAP_COLOURS.building }} />{' '}
        {t('network.map.building')}
      </li>
      <li>
        <span className="legend-dot" style={{ background: MAP_COLOURS.unserved }} />{' '}
        {t('network.map.unserved')}
      </li>
      <li>
        <span className="legend-dot" style={{ background: MAP_COLOURS.excluded }} />{' '}
        {t('network.map.excluded')}
      </li>
      <li>
        <span className="legend-square" style={{ background: MAP_COLOURS.plant }} /> {t('network.map.plant')}
      </li>
    </ul>
  );
}
