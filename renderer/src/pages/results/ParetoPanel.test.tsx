import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ChartText } from '../../charts/options';
import type { ParetoPointRecord, ResultPayload } from '../../db/results';
import { paretoOf } from './common';
import { useApp } from '../../store/app';
import { capacityList, frontOrder, paretoChartOption, ParetoPanel } from './ParetoPanel';

const text: ChartText = {
  name: (k) => k,
  num: (v, d = 1) => formatNumber(v, 'de', d),
  kW: 'kW',
  kWh: 'kWh',
};

// The boiler front of solver/src/cli/pareto.test.ts, stored out of order as a payload might be.
const points: ParetoPointRecord[] = [
  {
    kind: 'minCo2',
    co2Limit_t: 0.045,
    totalAnnualCost_EUR: 1108,
    emissions_tCO2: 0.045,
    capacities: { gb: { power_kW: -1e-9 }, eb: { power_kW: 200 } },
  },
  {
    kind: 'minCost',
    co2Limit_t: null,
    totalAnnualCost_EUR: 223.68,
    emissions_tCO2: 0.0947,
    capacities: { gb: { power_kW: 200 }, eb: { power_kW: 0 } },
  },
  {
    kind: 'epsilon',
    co2Limit_t: 0.0699,
    totalAnnualCost_EUR: 565.84,
    emissions_tCO2: 0.0699,
    capacities: { gb: { power_kW: 125 }, eb: { power_kW: 75 }, tes: { energy_kWh: 1500.4, power_kW: 300 } },
  },
];

beforeAll(async () => {
  await initI18n('de');
});

describe('Pareto front on the results page', () => {
  it('orders the points from minimum cost to minimum CO2 and lists capacities in German numbers', () => {
    expect(frontOrder(points).map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'minCo2']);
    expect(capacityList(points[2], text)).toEqual(['gb 125 kW', 'eb 75 kW', 'tes 1.500 kWh / 300 kW']);
    expect(capacityList(points[0], text)).toEqual(['gb 0 kW', 'eb 200 kW']); // no "-0"
    // plants under the names the project gives them (ChartText.name, see charts/names.ts)
    const named: ChartText = { ...text, name: (k) => ({ gb: 'Gaskessel', eb: 'Elektrokessel' })[k] ?? k };
    expect(capacityList(points[0], named)).toEqual(['Gaskessel 0 kW', 'Elektrokessel 200 kW']);
  });

  it('the tooltip of a chart point names it by its table number and shows its plant', () => {
    const option = paretoChartOption(points, text, (n) => `Punkt ${n}`) as {
      tooltip: { formatter(p: { dataIndex: number }): string };
      series: { data: number[][]; silent?: boolean }[];
    };
    // the line through the points takes no hover; the points draw by rising emissions
    expect(option.series[0]).toMatchObject({ silent: true, tooltip: { show: false } });
    expect(option.series[1].data.map((d) => d[0])).toEqual([0.045, 0.0699, 0.0947]);
    expect(option.tooltip.formatter({ dataIndex: 1 })).toBe(
      '<b>Punkt 2</b><br>0,1 t CO₂/a – 566 €/a<br>gb 125 kW<br>eb 75 kW<br>tes 1.500 kWh / 300 kW',
    );
    expect(option.tooltip.formatter({ dataIndex: 2 })).toContain('<b>Punkt 1</b>');
  });

  it('escapes technology ids in the tooltip (it is HTML)', () => {
    const evil: ParetoPointRecord[] = [
      { ...points[1], capacities: { '<img src=x>': { power_kW: 1 } } },
      points[0],
    ];
    const option = paretoChartOption(evil, text, (n) => `P${n}`) as {
      tooltip: { formatter(p: { dataIndex: number }): string };
    };
    expect(option.tooltip.formatter({ dataIndex: 1 })).toContain('&lt;img src=x&gt; 1 kW');
  });

  it('reads old payloads (three numbers per point) and needs two points for a chart', () => {
    const payload = (pareto: unknown) => ({ pareto }) as unknown as ResultPayload;
    const old = [
      { co2Limit_t: null, totalAnnualCost_EUR: 10, emissions_tCO2: 2 },
      { co2Limit_t: 1, totalAnnualCost_EUR: 20, emissions_tCO2: 1 },
    ];
    expect(paretoOf(payload(old))).toEqual(old);
    expect(paretoOf(payload([old[0]]))).toBeNull();
    expect(paretoOf(payload(undefined))).toBeNull();
    expect(paretoOf(payload([old[0], { ...old[1], emissions_tCO2: NaN }]))).toBeNull();
  });

  it('renders a table row per point with kind, limit, emissions, cost and capacities', () => {
    render(<ParetoPanel points={points} />);
    const rows = within(screen.getByTestId('pareto-table')).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Kostenminimum', 'keine', '0,1 t/a', '224 €/a', 'gb 200 kW, eb 0 kW']);
    expect(within(rows[3]).getAllByRole('cell')[0].textContent).toBe('CO₂-Minimum');
    expect(screen.getByRole('img', { name: 'Pareto-Front Kosten ↔ CO₂' })).toBeTruthy();
  });

  it("writes each plant's power in its unit when the plants' types are known", () => {
    render(<ParetoPanel points={points} techs={{ gb: { type: 'chp' }, eb: { type: 'electricBoiler' } }} />);
    const rows = within(screen.getByTestId('pareto-table')).getAllByRole('row');
    expect(within(rows[1]).getAllByRole('cell')[4].textContent).toBe('gb 200 kW el, eb 0 kW');
  });

  // As the solver stores it (front order), the first point showing the third one's plant
  // (solver/src/run/frontPlants.ts): the hub's 20-point front, 2026-12-07.
  const shared: ParetoPointRecord[] = [
    {
      kind: 'minCost',
      co2Limit_t: null,
      totalAnnualCost_EUR: 2_313_215,
      emissions_tCO2: 4362.4,
      capacities: { hp: { power_kW: 77 } },
      plantOfPoint: 2,
      ownPlant: {
        totalAnnualCost_EUR: 2_314_065,
        emissions_tCO2: 4420,
        capacities: { hp: { power_kW: 0.9 } },
      },
    },
    {
      kind: 'epsilon',
      co2Limit_t: 4362.4,
      totalAnnualCost_EUR: 2_313_215,
      emissions_tCO2: 4362.4,
      capacities: { hp: { power_kW: 77 } },
    },
    {
      kind: 'minCo2',
      co2Limit_t: 3873.1,
      totalAnnualCost_EUR: 3_931_934,
      emissions_tCO2: 3873.1,
      capacities: { hp: { power_kW: 13_036.9 } },
    },
  ];

  it('marks a point that shows another point’s plant and says why, with its own plant’s figures', () => {
    render(<ParetoPanel points={shared} />);
    const rows = within(screen.getByTestId('pareto-table')).getAllByRole('row');
    expect(within(rows[1]).getByRole('rowheader').textContent).toBe('1*');
    expect(within(rows[2]).getByRole('rowheader').textContent).toBe('2');
    expect(screen.getByTestId('pareto-notes').textContent).toBe(
      '* Punkt 1: die Anlage von Punkt 2. Sie hält die CO₂-Grenze dieses Punkts ein und schnitt über das ' +
        'ganze Jahr besser ab als die für ihn auf Typtagen ausgelegte Anlage (2.314.065 €/a, 4.420 t CO₂/a).',
    );
  });

  it('says the same in English', async () => {
    await initI18n('en');
    useApp.setState({ language: 'en' });
    try {
      render(<ParetoPanel points={shared} />);
      expect(screen.getByTestId('pareto-notes').textContent).toBe(
        '* Point 1: the plant of point 2. It meets this point’s CO₂ limit and did better over the full year ' +
          'than the plant sized for this point on typical days (2,314,065 €/a, 4,420 t CO₂/a).',
      );
    } finally {
      useApp.setState({ language: 'de' });
      await initI18n('de');
    }
  });

  it('says when the clean end is the cheapest plant within a tolerance, with the least CO2, in both languages', async () => {
    const tolerant: ParetoPointRecord[] = [
      { ...points[1], emissions_tCO2: 5000 },
      { ...points[2], kind: 'minCo2', emissions_tCO2: 4400, minimumCo2_t: 4362.4 },
    ];
    render(<ParetoPanel points={tolerant} />);
    expect(screen.getByTestId('pareto-notes').textContent).toBe(
      'Punkt 2: die günstigste Anlage innerhalb der Toleranz am CO₂-Minimum. Die geringste erreichbare ' +
        'Emission ist 4.362,4 t CO₂/a.',
    );
    await initI18n('en');
    useApp.setState({ language: 'en' });
    try {
      render(<ParetoPanel points={[tolerant[0], { ...tolerant[1], minimumCo2_t: 1234.56 }]} />);
      expect(screen.getAllByTestId('pareto-notes')[1].textContent).toBe(
        'Point 2: the cheapest plant within the tolerance at the CO₂ minimum. The least CO₂ any plant ' +
          'reaches is 1,234.6 t CO₂/a.',
      );
    } finally {
      useApp.setState({ language: 'de' });
      await initI18n('de');
    }
  });

  it('has no notes when every point shows its own plant', () => {
    render(<ParetoPanel points={points} />);
    expect(screen.queryByTestId('pareto-notes')).toBeNull();
  });
});
