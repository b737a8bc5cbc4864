// Every planter, by the alert type it plants (one file each beside this one).
import type { AnomalyPlanter, AnomalyType } from "./anomaly-planter";

export const ANOMALY_PLANTERS: { [T in AnomalyType]?: AnomalyPlanter } = {};
