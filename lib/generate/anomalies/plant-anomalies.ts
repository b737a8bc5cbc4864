// Plants the asked-for anomalies into a generated month, one after the other in the order of
// ANOMALY_TYPES (planters append rows or change them in place, so rows named earlier keep their
// numbers), and returns the month with any added files and what was planted.
import type { GeneratedMonth } from "../generate-month";
import { ANOMALY_TYPES, type AnomalyType, type PlantedAnomaly } from "./anomaly-planter";
import { ANOMALY_PLANTERS } from "./anomaly-planters";

export async function plantAnomalies(month: GeneratedMonth, types: readonly AnomalyType[]): Promise<{ month: GeneratedMonth; planted: PlantedAnomaly[] }> {
  const planted: PlantedAnomaly[] = [];
  let current = month;
  for (const type of ANOMALY_TYPES.filter((t) => types.includes(t))) {
    const result = await ANOMALY_PLANTERS[type].plant(current);
    planted.push(result.planted);
    if (result.addedFiles?.length) current = { ...current, files: [...current.files, ...result.addedFiles] };
  }
  return { month: current, planted };
}
