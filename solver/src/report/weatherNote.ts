import type { Project } from '../project/types';
import { siteWeather } from '../weather/site';
import { fmt } from './format';
import { text, type ReportLanguage } from './texts';

/**
 * The weather a project's figures rest on, with the data provider's source note, for the report's
 * inputs and sources: only where the project names its weather (`site.weather`, which the planner
 * records when it makes series from it). DWD's terms ask for "Quelle: Deutscher Wetterdienst" with
 * the data and "Datenbasis: Deutscher Wetterdienst, Werte verarbeitet" with values derived from
 * them (yields, heat profiles, COPs); both stand in German in either language.
 */
export function weatherNote(project: Project, lang: ReportLanguage): string | null {
  if (!project.site.weather) return null;
  const w = siteWeather(project.site);
  if (w.kind === 'file')
    return text(lang, 'weatherFile', {
      name: w.name,
      attribution: project.site.weather.kind === 'file' ? (project.site.weather.attribution ?? '') : '',
    }).trim();
  return text(lang, 'weatherTry', {
    year: String(w.year),
    region: String(w.region.region),
    place: w.region.place,
    climateRegion: w.region.climateRegion,
    distance: Number.isFinite(w.distance_km)
      ? text(lang, 'weatherDistance', { km: fmt(lang, w.distance_km, 0) })
      : '',
  });
}

/** The note as [bold?, text] lines of the PDF's method and sources section (none without a recorded weather). */
export const weatherLines = (project: Project, lang: ReportLanguage): [boolean, string][] =>
  project.site.weather ? [[false, weatherNote(project, lang) ?? '']] : [];
