/**
 * The default network parameters, each with its source or "Annahme" (assumption) in `sources`.
 */
import { defaultPipes } from './catalogue';
import type { NetworkParams } from './types';

const COVER_DEPTH_M = 0.8;
const SOIL_CONDUCTIVITY_W_MK = 1.5;

/** Defaults for a new (not yet built) network; the user overrides them in the project. */
export function defaultNetworkParams(): NetworkParams {
  return {
    supplyTemperature_C: 75,
    returnTemperature_C: 45,
    soilTemperature_C: 10,
    soilTemperatureAmplitude_K: 0,
    coverDepth_m: COVER_DEPTH_M,
    soilConductivity_W_mK: SOIL_CONDUCTIVITY_W_MK,
    maxPressureGradient_Pa_m: 150,
    maxVelocity_m_s: 2.5,
    roughness_mm: 0.05,
    pumpEfficiency: 0.7,
    houseConnectionExtra_m: 2,
    maxHouseConnection_m: 100,
    fullLoadHours_h: 1800,
    pipes: defaultPipes(COVER_DEPTH_M, SOIL_CONDUCTIVITY_W_MK),
    forcedStreets: [],
    forbiddenStreets: [],
    excludedBuildings: [],
    sources: {
      supplyTemperature_C: 'Annahme: 75 °C Vorlauf für ein neues Netz (Stand 12/2026)',
      returnTemperature_C: 'Annahme: 45 °C Rücklauf für ein neues Netz (Stand 12/2026)',
      soilTemperature_C:
        'Annahme: 10 °C Jahresmittel des ungestörten Erdreichs in Rohrtiefe (Deutschland, ≈ Jahresmittel der Lufttemperatur)',
      soilTemperatureAmplitude_K:
        'Annahme: 0 K (konstante Bodentemperatur); ohne Quelle für die Amplitude in Rohrtiefe keine Jahresschwankung',
      coverDepth_m:
        'Annahme: 0,8 m Überdeckung, typischer Wert für erdverlegte KMR-Leitungen (AGFW FW 401 / EN 13941)',
      soilConductivity_W_mK: 'Annahme: 1,5 W/(m·K), mittlerer Wert für feuchten Sand-/Lehmboden',
      maxPressureGradient_Pa_m:
        'Annahme: 150 Pa/m, Mitte des in der Praxis üblichen Bereichs 100–200 Pa/m (Auslegungspraxis nach AGFW)',
      maxVelocity_m_s: 'Annahme: 2,5 m/s Höchstgeschwindigkeit (Geräusch, Erosion)',
      roughness_mm:
        'Annahme: 0,05 mm; neue Stahlrohre liegen üblich bei 0,01–0,05 mm, der obere Wert ist konservativ (mehr Druckverlust)',
      pumpEfficiency: 'Annahme: 0,7 für Pumpe und Motor',
      houseConnectionExtra_m: 'Annahme: 2 m Zuschlag je Hausanschluss (Hauseinführung, Bögen)',
      maxHouseConnection_m: 'Annahme: 100 m größte Hausanschlusslänge',
      fullLoadHours_h: 'Annahme: 1.800 h/a Vollbenutzungsstunden, wenn ein Gebäude keine Spitzenlast angibt',
      pipes: 'Katalog KMR Serie 2, DN20–DN400; Quellen je Zeile (catalogue.ts)',
    },
  };
}
